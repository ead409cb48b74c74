# Examples: approval routes by category and placement, the england
# conditions of eligibility under Calderdale's categories, Housing Benefit,
# the disregard and the DBS check. Worked by hand from the contract.

# Born 2006-02-14: 16 on 2022-02-14, 17 on 2023-02-14, 18 on 2024-02-14,
# 19 on 2025-02-14, 21 on 2027-02-14. Three way meeting 2024-02-14 - 6
# months = 2023-08-14; panel referral 2023-02-14 + 6 months = 2023-08-14.
example "Vulnerability with an independent fostering agency: the panel, rate negotiated"
  given
    case_id = "CAL-R1"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = 2027-02-14
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = true
    panel_referral_due_by = 2023-08-14
    three_way_meeting_due_by = 2023-08-14
    rate_negotiation_from = 2022-02-14

# Born 2006-12-31: 16 on 2022-12-31, 18 on 2024-12-31; three way meeting
# 2024-12-31 - 6 months = 2024-06-30 (clamped).
example "Planned move on with an independent fostering agency"
  given
    case_id = "CAL-R2"
    assessment_date = 2025-02-15
    young_person.date_of_birth = 2006-12-31
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = 2025-03-31
    staying_put_category = planned_move_on
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    three_way_meeting_due_by = 2024-06-30
    rate_negotiation_from = 2022-12-31

# Born 2007-03-01: 16 on 2023-03-01, 18 on 2025-03-01. Disability goes to
# adult services whoever provides the placement.
example "Disability with an independent fostering agency: adult services"
  given
    case_id = "CAL-R3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-03-01
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = null
    categories = [disability_shared_lives]
    staying_put_category = disability_shared_lives
    approval_route = "adult_services_shared_lives"
    financial_plan_required = false
    weekly_total_to_carer = null
    converts_to_shared_lives = true
    expected_to_claim_housing_benefit = true
    three_way_meeting_due_by = 2024-09-01
    rate_negotiation_from = 2023-03-01

# Born 2004-01-15: 21 on 2025-01-15. Disability has no end date: the date
# test uses the 21st birthday.
example "Disability, the day before the 21st birthday: eligible"
  given
    case_id = "CAL-R4"
    assessment_date = 2025-01-14
    young_person.date_of_birth = 2004-01-15
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = null
    expected_to_claim_housing_benefit = true

example "Disability, after the 21st birthday: not eligible, still Shared Lives"
  given
    case_id = "CAL-R5"
    assessment_date = 2025-02-01
    young_person.date_of_birth = 2004-01-15
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = null
    categories = [disability_shared_lives]
    staying_put_category = disability_shared_lives
    approval_route = "adult_services_shared_lives"
    financial_plan_required = false
    weekly_total_to_carer = null
    converts_to_shared_lives = true
    expected_to_claim_housing_benefit = false

# Not looked after immediately before 18: england's conditions fail; the
# category and its route stand; the disregard is none.
example "Vulnerable but not looked after immediately before 18: not eligible"
  given
    case_id = "CAL-R6"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = false
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2027-02-14
    means_tested_disregard = none
    staying_put_category = vulnerability
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    panel_referral_due_by = 2023-08-14

example "The carer does not agree: not eligible"
  given
    case_id = "CAL-R7"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
    placement.carer_agrees = false
  expect
    eligible = false
    weekly_total_to_carer = null
    means_tested_disregard = whole

example "Left the arrangement: not eligible"
  given
    case_id = "CAL-R8"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    young_person.left_arrangement = true
    placement.provider = local_authority
  expect
    eligible = false
    financial_plan_required = false

example "Does not wish to stay put: not eligible"
  given
    case_id = "CAL-R9"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    young_person.wishes_to_stay_put = false
    placement.provider = local_authority
  expect
    eligible = false
    expected_to_claim_housing_benefit = false

example "The carers get means-tested help with their own rent: no Housing Benefit claim"
  given
    case_id = "CAL-R10"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
    carer.housing_benefit_for_own_rent = true
  expect
    eligible = true
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = false

example "Cannot claim Local Housing Allowance: no Housing Benefit claim"
  given
    case_id = "CAL-R11"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    young_person.can_claim_lha = false
    placement.provider = local_authority
  expect
    eligible = true
    expected_to_claim_housing_benefit = false

example "Foster children in the household: DBS check by the 18th birthday"
  given
    case_id = "CAL-R12"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
    placement.foster_children_in_household = true
  expect
    dbs_check_due_by = 2024-02-14

example "Returned after leaving: eligible, but the disregard is lost"
  given
    case_id = "CAL-R13"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    young_person.returned_after_leaving = true
    placement.provider = local_authority
  expect
    eligible = true
    means_tested_disregard = none

example "Not every payment under section 23C: only that element is disregarded"
  given
    case_id = "CAL-R14"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2006-02-14
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
    placement.all_payments_under_section_23c = false
  expect
    means_tested_disregard = section_23c_only

# Born 2008-01-10: 17 on 2025-01-10, 18 on 2026-01-10, 21 on 2029-01-10.
# Assessed 2025-12-01: age 17.
example "Under 18, higher education, local authority: would qualify, nothing paid yet"
  given
    case_id = "CAL-R15"
    assessment_date = 2025-12-01
    young_person.date_of_birth = 2008-01-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2029-01-10
    means_tested_disregard = null
    approval_route = "manager_pathway_team"
    financial_plan_required = true
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    three_way_meeting_due_by = null
    rate_negotiation_from = null
