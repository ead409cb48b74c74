# Examples: whole decisions, and the bundled case. Every expected value is
# worked out by hand from the contract (sections 4 and 5); the working is in
# the comments. Dates: the Nth birthday is the anniversary (29 February: 1 March
# in a common year); months are added keeping the day, clamped to the month's
# end.

# The bundled case examples/calderdale-case.json. Born 2007-01-20: 18 on
# 2025-01-20, 21 on 2028-01-20, 17 on 2024-01-20. Assessed 2025-06-01: age 18.
# education_training: full time, a_level, course ends 2026-06-30 (on or after
# the 18th birthday), going to university: the first 30 September on or after
# 2026-06-30 is 2026-09-30, before the 21st birthday.
# vulnerability: the 21st birthday, 2028-01-20.
# planned_move_on: 2026-10-01 + 3 months = 2027-01-01.
# The latest end is 2028-01-20: vulnerability. Local authority placement:
# Children's Resource Panel (vulnerability), a Financial Plan, 138.88.
# Panel referral: 2024-01-20 + 6 months = 2024-07-20.
example "The bundled case CAL-0001: three categories, vulnerability ends latest"
  given
    case_id = "CAL-0001"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-06-30
    education.going_to_university = true
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2026-10-01
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2028-01-20
    dbs_check_due_by = null
    means_tested_disregard = whole
    approval_route = "childrens_resource_panel"
    weekly_total_to_carer = 138.88
    notice_days = null
    expected_to_claim_housing_benefit = true
    categories = [education_training, vulnerability, planned_move_on]
    staying_put_category = vulnerability
    financial_plan_required = true
    panel_referral_due_by = 2024-07-20
    three_way_meeting_due_by = null
    rate_negotiation_from = null
    converts_to_shared_lives = false
    council_tax_invisible = true
    education_training_end = 2026-09-30
    vulnerability_end = 2028-01-20
    planned_move_on_end = 2027-01-01
    higher_education_end = null

# Born 2006-05-10: 19 on 2025-05-10; 21 on 2027-05-10; 17 on 2023-05-10.
# Disability comes first whatever the other categories' ends: Shared Lives, no
# end date (the date test uses the 21st birthday), no baseline rate, no
# Financial Plan. Panel referral 2023-05-10 + 6 months = 2023-11-10.
example "Disability and vulnerability: Shared Lives through adult services"
  given
    case_id = "CAL-E2"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2006-05-10
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = null
    means_tested_disregard = whole
    approval_route = "adult_services_shared_lives"
    weekly_total_to_carer = null
    notice_days = null
    expected_to_claim_housing_benefit = true
    categories = [disability_shared_lives, vulnerability]
    staying_put_category = disability_shared_lives
    financial_plan_required = false
    panel_referral_due_by = 2023-11-10
    three_way_meeting_due_by = null
    rate_negotiation_from = null
    converts_to_shared_lives = true
    council_tax_invisible = false
    vulnerability_end = 2027-05-10

# Same young person, no category: not eligible, no end date, no route.
# The disregard is england's: 18 or over, looked after, all under 23C: whole.
example "No category applies: not eligible"
  given
    case_id = "CAL-E3"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2006-05-10
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = null
    dbs_check_due_by = null
    means_tested_disregard = whole
    approval_route = null
    weekly_total_to_carer = null
    notice_days = null
    expected_to_claim_housing_benefit = false
    categories = []
    staying_put_category = none
    financial_plan_required = false
    panel_referral_due_by = null
    three_way_meeting_due_by = null
    rate_negotiation_from = null
    converts_to_shared_lives = false
    council_tax_invisible = false

# Born 2007-11-05 (a November 18th birthday: criterion 2 is not applied):
# 18 on 2025-11-05, 16 on 2023-11-05, 21 on 2028-11-05. Assessed 2025-12-01:
# age 18. A levels end 2026-06-19, not going to university: one month after,
# 2026-07-19. Independent fostering agency: the panel, no Financial Plan, the
# rate negotiated (null); three way meeting 2025-11-05 - 6 months = 2025-05-05.
example "Education and training with an independent fostering agency"
  given
    case_id = "CAL-E4"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2007-11-05
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-06-19
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = 2026-07-19
    means_tested_disregard = whole
    approval_route = "childrens_resource_panel"
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = true
    categories = [education_training]
    staying_put_category = education_training
    financial_plan_required = false
    panel_referral_due_by = null
    three_way_meeting_due_by = 2025-05-05
    rate_negotiation_from = 2023-11-05
    converts_to_shared_lives = false
    council_tax_invisible = true

example "Education and training with a local authority placement: Manager, Pathway Team"
  given
    case_id = "CAL-E5"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2007-11-05
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-06-19
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-07-19
    approval_route = "manager_pathway_team"
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = true
    categories = [education_training]
    staying_put_category = education_training
    financial_plan_required = true
    three_way_meeting_due_by = null
    rate_negotiation_from = null
