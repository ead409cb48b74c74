# Examples: each category on its own, and each condition of education and
# training that keeps it from applying. Worked by hand from the contract
# (sections 4 and 5).

# Born 2006-10-01: 16 on 2022-10-01, 18 on 2024-10-01, 19 on 2025-10-01,
# 21 on 2027-10-01. Assessed 2025-11-01: age 19. Higher education ends at 21.
# A higher education course is not an education and training course (kind
# higher_education), whatever its end date or a move to university. In higher
# education the young person is not expected to claim Housing Benefit.
example "Higher education, local authority placement"
  given
    case_id = "CAL-C1"
    assessment_date = 2025-11-01
    young_person.date_of_birth = 2006-10-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    education.course_end_date = 2026-06-30
    education.going_to_university = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2027-10-01
    categories = [higher_education]
    staying_put_category = higher_education
    approval_route = "manager_pathway_team"
    financial_plan_required = true
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = false
    council_tax_invisible = true
    education_training_end = null
    higher_education_end = 2027-10-01

# Three way meeting 2024-10-01 - 6 months = 2024-04-01; rates from the 16th
# birthday, 2022-10-01.
example "Higher education, independent fostering agency: the panel, rate negotiated"
  given
    case_id = "CAL-C2"
    assessment_date = 2025-11-01
    young_person.date_of_birth = 2006-10-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = 2027-10-01
    categories = [higher_education]
    staying_put_category = higher_education
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    three_way_meeting_due_by = 2024-04-01
    rate_negotiation_from = 2022-10-01
    expected_to_claim_housing_benefit = false

example "Back from university for the vacation: the weekly allowance is agreed at panel"
  given
    case_id = "CAL-C3"
    assessment_date = 2025-12-20
    young_person.date_of_birth = 2006-10-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    education.university_vacation = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2027-10-01
    staying_put_category = higher_education
    approval_route = "manager_pathway_team"
    financial_plan_required = true
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false

# Born 2006-02-14: 17 on 2023-02-14, 19 on 2025-02-14, 21 on 2027-02-14.
# Panel referral 2023-02-14 + 6 months = 2023-08-14.
example "Vulnerability, local authority placement: the Children's Resource Panel"
  given
    case_id = "CAL-C4"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2027-02-14
    categories = [vulnerability]
    staying_put_category = vulnerability
    approval_route = "childrens_resource_panel"
    financial_plan_required = true
    weekly_total_to_carer = 138.88
    panel_referral_due_by = 2023-08-14
    expected_to_claim_housing_benefit = true

# Born 2006-12-31: 18 on 2024-12-31. No move-on start: three months after the
# 18th birthday, 2025-03-31.
example "Planned move on from the 18th birthday"
  given
    case_id = "CAL-C5"
    assessment_date = 2025-02-15
    young_person.date_of_birth = 2006-12-31
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-03-31
    categories = [planned_move_on]
    staying_put_category = planned_move_on
    approval_route = "childrens_resource_panel"
    financial_plan_required = true
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = true
    panel_referral_due_by = null

# Assessed on the end date: the arrangement has ended; the category and its
# route are still decided.
example "Planned move on, assessed on its end date: ended"
  given
    case_id = "CAL-C6"
    assessment_date = 2025-03-31
    young_person.date_of_birth = 2006-12-31
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2025-03-31
    categories = [planned_move_on]
    staying_put_category = planned_move_on
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false

# Born 2005-06-01: 20 on 2025-06-01, 21 on 2026-06-01. Move-on start
# 2025-11-30 + 3 months = 2026-02-28 (clamped to the end of February).
example "Planned move on from a start date: three months, clamped to the month's end"
  given
    case_id = "CAL-C7"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2005-06-01
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2025-11-30
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-02-28
    planned_move_on_end = 2026-02-28
    staying_put_category = planned_move_on
    weekly_total_to_carer = 138.88

# Born 2004-12-15: 21 on 2025-12-15. Move-on start 2025-11-01 + 3 months =
# 2026-02-01, after the 21st birthday: 2025-12-15.
example "Planned move on ends at the 21st birthday if that comes first"
  given
    case_id = "CAL-C8"
    assessment_date = 2025-11-10
    young_person.date_of_birth = 2004-12-15
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2025-11-01
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-12-15
    staying_put_category = planned_move_on

# Born 2007-03-10: 18 on 2025-03-10, 21 on 2028-03-10. Assessed 2025-04-01:
# age 18. Further education (an equivalent full-time course) ends 2026-06-30:
# one month after, 2026-07-30.
example "Further education, full time: one month after the course"
  given
    case_id = "CAL-C9"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = further_education
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-07-30
    categories = [education_training]
    staying_put_category = education_training
    approval_route = "manager_pathway_team"
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = true
    council_tax_invisible = true

# Training ends 2026-07-17: 2026-08-17. A kinship placement: no Housing
# Benefit.
example "Training in a kinship placement: no Housing Benefit"
  given
    case_id = "CAL-C10"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = training
    education.course_end_date = 2026-07-17
    placement.provider = local_authority
    placement.kinship = true
  expect
    eligible = true
    end_date = 2026-08-17
    staying_put_category = education_training
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = false

example "GCSEs part time: criterion 1 not met, no category"
  given
    case_id = "CAL-C11"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = false
    education.kind = gcse
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = false
    end_date = null
    categories = []
    staying_put_category = none
    approval_route = null
    financial_plan_required = false
    weekly_total_to_carer = null
    council_tax_invisible = false
    education_training_category = null

example "Left the course: criterion 4, no category"
  given
    case_id = "CAL-C12"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-06-30
    education.left_course = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = null
    categories = []
    staying_put_category = none
    approval_route = null
    council_tax_invisible = true

example "No course end date known: no category"
  given
    case_id = "CAL-C13"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    placement.provider = local_authority
  expect
    eligible = false
    categories = []
    staying_put_category = none

# Born 2007-09-10: 18 on 2025-09-10. Assessed 2025-06-01: age 17. A course
# ending 2025-09-09 is not attended on the 18th birthday (criterion 3).
example "Under 18, the course ends the day before the 18th birthday: no category"
  given
    case_id = "CAL-C14"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-09-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = gcse
    education.course_end_date = 2025-09-09
    placement.provider = local_authority
  expect
    eligible = false
    end_date = null
    categories = []
    staying_put_category = none
    means_tested_disregard = null

# A course ending on the 18th birthday is attended on it: one month after,
# 2025-10-10. Under 18: would qualify at 18; no rate, no Housing Benefit yet.
example "Under 18, the course ends on the 18th birthday: education and training"
  given
    case_id = "CAL-C15"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-09-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = gcse
    education.course_end_date = 2025-09-10
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-10-10
    categories = [education_training]
    staying_put_category = education_training
    approval_route = "manager_pathway_team"
    financial_plan_required = true
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    means_tested_disregard = null

example "Full time but no course of the section's kinds: no category"
  given
    case_id = "CAL-C16"
    assessment_date = 2025-04-01
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = none
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = false
    categories = []
    staying_put_category = none
    council_tax_invisible = true
