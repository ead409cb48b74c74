# The outputs West Berkshire adds to the national ones (contract section 5),
# in the order of the decision.

output age_band: band or null
  "the column of the annual payments table that applies"
output weekly_housing_benefit: money or null
  "the Housing Benefit the young person is expected to pass to the carer each week"
output weekly_young_person_contribution: money or null
  "the young person's own weekly contribution from their income"
output weekly_council_payment: money or null
  "what the council pays the carer each week"
output housing_benefit_paid_to: one of young_person, carer_or_childrens_services or null
  "to whom the young person's Housing Benefit is paid"
output council_tax_invisible: bool
  "the young person is invisible for council tax (full-time education)"
output carer_benefit_group: whole number
  "which of the four groups of carers in 6.1 the carers belong to"
output support_meeting_due_by: date
  "the Staying Put Support meeting is held immediately before this day (the 17th birthday)"
output panel_approval_due_by: date
  "the Accommodation and Resource Panel approves payment by this day"
output next_review_due: date or null
  "the next six-monthly review of the arrangement (it may already be overdue)"
