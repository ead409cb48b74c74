# Planning, approval, review and notice.

value seventeenth_birthday: date
  cites "3. Planning"
  = 17th birthday of young_person.date_of_birth

rule support_meeting_before_17 for support_meeting_due_by
  cites "3. Planning, Staying Put Support meeting immediately prior to the young person's 17th birthday"
  = seventeenth_birthday

rule panel_approval_before_17 for panel_approval_due_by
  cites "3. Planning, the Accommodation and Resource Panel must approve payment no less than one month before the young person's 17th birthday"
  = seventeenth_birthday - 1 month

rule panel_route replaces approval_set_by_council
  cites "3. Planning, the Accommodation and Resource Panel must be informed of and approve payment"
  = "accommodation_and_resource_panel"

# Reviews fall six months after the last one, or after the start of the
# arrangement (the 18th birthday when no start is recorded) when there has been
# none. An overdue review stays overdue: it is never rolled forward.
rule six_monthly_review for next_review_due
  cites "9. Monitoring and Review Arrangements"
  when not eligible: null
  when age < 18: null
  when placement.last_review_date is not null: placement.last_review_date + 6 months
  when placement.start_date is not null: placement.start_date + 6 months
  otherwise: eighteenth_birthday + 6 months

rule notice_period replaces notice_set_by_council
  when young_person.breached_agreement: 7
    cites "10. Ending of Staying Put Arrangements, 7 days notice for a breach of the agreement"
  otherwise: 28
    cites "10. Ending of Staying Put Arrangements, a minimum of 28 days notice"
