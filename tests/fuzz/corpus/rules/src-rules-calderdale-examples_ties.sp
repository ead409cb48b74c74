# Examples: more than one category. Disability always first; otherwise the
# category whose end is latest, and on a tie the earlier in the order
# disability_shared_lives, higher_education, education_training,
# vulnerability, planned_move_on. Worked by hand from the contract.

# Born 2006-10-01: 17 on 2023-10-01, 21 on 2027-10-01. Both end on the 21st
# birthday: higher education comes first. Panel referral 2023-10-01 + 6
# months = 2024-04-01.
example "Higher education and vulnerability both end at 21: higher education"
  given
    case_id = "CAL-T1"
    assessment_date = 2025-11-01
    young_person.date_of_birth = 2006-10-01
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    education.full_time = true
    education.kind = higher_education
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2027-10-01
    categories = [higher_education, vulnerability]
    staying_put_category = higher_education
    approval_route = "manager_pathway_team"
    expected_to_claim_housing_benefit = false
    panel_referral_due_by = 2024-04-01
    higher_education_end = 2027-10-01
    vulnerability_end = 2027-10-01

# Born 2005-08-01: 17 on 2022-08-01, 19 on 2024-08-01, 21 on 2026-08-01.
# Assessed 2025-06-01: age 19. Further education ends 2026-07-15, going to
# university: 2026-09-30, but the 21st birthday comes first: 2026-08-01, the
# same day vulnerability ends. Education and training comes first.
example "Education and training capped at 21 ties with vulnerability: education and training"
  given
    case_id = "CAL-T2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-08-01
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    education.full_time = true
    education.kind = further_education
    education.course_end_date = 2026-07-15
    education.going_to_university = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-08-01
    categories = [education_training, vulnerability]
    staying_put_category = education_training
    approval_route = "manager_pathway_team"
    panel_referral_due_by = 2023-02-01
    education_training_end = 2026-08-01
    vulnerability_end = 2026-08-01

# Born 2007-11-05: 18 on 2025-11-05. A levels end 2026-05-31: one month after,
# 2026-06-30. Move on from 2026-03-30: three months after, 2026-06-30. A tie:
# education and training comes first.
example "Education and training ties with planned move on: education and training"
  given
    case_id = "CAL-T3"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2007-11-05
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-05-31
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2026-03-30
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-06-30
    categories = [education_training, planned_move_on]
    staying_put_category = education_training
    approval_route = "manager_pathway_team"
    education_training_end = 2026-06-30
    planned_move_on_end = 2026-06-30

# Move on from 2026-04-15: 2026-07-15, after 2026-06-30: planned move on, and
# so the Children's Resource Panel even with a local authority placement.
example "Planned move on ends after the course: planned move on"
  given
    case_id = "CAL-T4"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2007-11-05
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-05-31
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2026-04-15
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-07-15
    categories = [education_training, planned_move_on]
    staying_put_category = planned_move_on
    approval_route = "childrens_resource_panel"
    financial_plan_required = true
    weekly_total_to_carer = 138.88

# Born 2005-08-01: 21 on 2026-08-01. Move on from 2026-05-01: 2026-08-01, the
# 21st birthday, as vulnerability: vulnerability comes first.
example "Vulnerability ties with planned move on: vulnerability"
  given
    case_id = "CAL-T5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-08-01
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2026-05-01
    placement.provider = local_authority
  expect
    end_date = 2026-08-01
    categories = [vulnerability, planned_move_on]
    staying_put_category = vulnerability
    approval_route = "childrens_resource_panel"

# Move on from 2026-06-15: 2026-09-15, capped at the 21st birthday
# 2026-08-01, as higher education: higher education comes first.
example "Higher education ties with planned move on capped at 21: higher education"
  given
    case_id = "CAL-T6"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-08-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    housing.registered_and_actively_bidding = true
    housing.move_on_start_date = 2026-06-15
    placement.provider = local_authority
  expect
    end_date = 2026-08-01
    categories = [higher_education, planned_move_on]
    staying_put_category = higher_education
    approval_route = "manager_pathway_team"
    planned_move_on_end = 2026-08-01

# Born 2006-10-01: 18 on 2024-10-01, 21 on 2027-10-01. Every category but
# education and training (the course is higher education): disability first.
# No end date; the date test uses the 21st birthday.
example "Disability with higher education, vulnerability and planned move on: disability"
  given
    case_id = "CAL-T7"
    assessment_date = 2025-11-01
    young_person.date_of_birth = 2006-10-01
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    young_person.vulnerable = true
    education.full_time = true
    education.kind = higher_education
    housing.registered_and_actively_bidding = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = null
    categories = [disability_shared_lives, higher_education, vulnerability, planned_move_on]
    staying_put_category = disability_shared_lives
    approval_route = "adult_services_shared_lives"
    financial_plan_required = false
    weekly_total_to_carer = null
    converts_to_shared_lives = true
    expected_to_claim_housing_benefit = false
    planned_move_on_end = 2025-01-01
