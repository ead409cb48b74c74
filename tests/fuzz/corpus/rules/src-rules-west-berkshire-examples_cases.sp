# Examples: disability, independent fostering agencies, ending and
# ineligibility, reviews, the carers' benefit groups, who receives Housing
# Benefit, and the means-tested disregard. Unless said otherwise the young
# person is 19 (born 2006-03-15, assessed 2025-06-01): band 19_20, total 276.79.

# Disability: the payment is arranged individually through the panel, so the
# table gives no total and no council payment; the contribution and HB stand.
example "Supported by adult services: payment arranged individually"
  given
    case_id = "WB-D1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.disability_adult_services = true
    young_person.weekly_income = [57.90]
    placement.provider = local_authority
  expect
    eligible = true
    age_band = 19_20
    weekly_total_to_carer = null
    weekly_council_payment = null
    weekly_young_person_contribution = 10.00
    weekly_housing_benefit = 68.12
    means_tested_disregard = section_23c_only

# Independent fostering agency: the table applies too (an assumption).
# 276.79 - 0.00 - 68.12 = 208.67.
example "Independent fostering agency placement: the annual payments table"
  given
    case_id = "WB-I1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    weekly_total_to_carer = 276.79
    weekly_housing_benefit = 68.12
    weekly_council_payment = 208.67
    approval_route = "accommodation_and_resource_panel"

example "Breached agreement: not eligible, 7 days notice"
  given
    case_id = "WB-X1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.breached_agreement = true
    young_person.weekly_income = [100.00]
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2027-03-15
    notice_days = 7
    age_band = null
    weekly_total_to_carer = null
    weekly_housing_benefit = null
    weekly_young_person_contribution = null
    weekly_council_payment = null
    housing_benefit_paid_to = null
    expected_to_claim_housing_benefit = false
    next_review_due = null
    means_tested_disregard = whole
    approval_route = "accommodation_and_resource_panel"
    carer_benefit_group = 1
    council_tax_invisible = false
    support_meeting_due_by = 2023-03-15
    panel_approval_due_by = 2023-02-15

example "Not looked after immediately before 18: not eligible, no disregard"
  given
    case_id = "WB-X2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = false
    placement.provider = local_authority
  expect
    eligible = false
    age_band = null
    weekly_total_to_carer = null
    weekly_council_payment = null
    expected_to_claim_housing_benefit = false
    means_tested_disregard = none
    notice_days = 28
    carer_benefit_group = 1

example "Under 18 and not looked after in this home: would not qualify at 18"
  given
    case_id = "WB-X3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2008-09-10
    young_person.looked_after_immediately_before_18 = false
    placement.provider = local_authority
  expect
    eligible = false
    age_band = null
    weekly_total_to_carer = null
    weekly_young_person_contribution = null
    weekly_housing_benefit = null
    weekly_council_payment = null
    means_tested_disregard = null
    next_review_due = null
    support_meeting_due_by = 2025-09-10
    panel_approval_due_by = 2025-08-10

example "Aged 22, no agreed programme: not eligible"
  given
    case_id = "WB-X4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2003-01-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2024-01-01
    age_band = null
    weekly_total_to_carer = null

example "The carer does not agree: not eligible"
  given
    case_id = "WB-X5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.carer_agrees = false
  expect
    eligible = false
    weekly_total_to_carer = null

example "Left the arrangement: not eligible"
  given
    case_id = "WB-X6"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.left_arrangement = true
    placement.provider = local_authority
  expect
    eligible = false
    means_tested_disregard = whole
    notice_days = 28

# Not in education, training or employment: entitlement does not depend on it.
example "Not in education, training or employment: still entitled"
  given
    case_id = "WB-X7"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    education.kind = none
    placement.provider = local_authority
  expect
    eligible = true
    weekly_total_to_carer = 276.79

example "No review yet: six months after the start of the arrangement"
  given
    case_id = "WB-R1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.start_date = 2025-02-01
  expect
    next_review_due = 2025-08-01

example "Six months after the last review, not after the start"
  given
    case_id = "WB-R2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.start_date = 2024-03-15
    placement.last_review_date = 2025-04-30
  expect
    next_review_due = 2025-10-30

# 2024-08-31 + 6 months = 2025-02-28 (clamped): overdue, never rolled forward.
example "An overdue review stays overdue"
  given
    case_id = "WB-R3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.last_review_date = 2024-08-31
  expect
    next_review_due = 2025-02-28

# Pension Credit: group 2, with or without another means-tested benefit.
example "Carers on Pension Credit: group 2"
  given
    case_id = "WB-G2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    carer.means_tested_benefits = true
    carer.pension_credit = true
  expect
    carer_benefit_group = 2
    expected_to_claim_housing_benefit = true

example "Carers on Pension Credit only: group 2"
  given
    case_id = "WB-G2b"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    carer.pension_credit = true
  expect
    carer_benefit_group = 2

# Carers helped with their own rent: the young person cannot claim, the council
# pays everything under 23C (group 3). No income: 276.79 - 0.00 = 276.79, and
# with no HB and no contribution the disregard stays whole.
example "Carers on means-tested help with their own rent: group 3, no HB claim"
  given
    case_id = "WB-G3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    carer.means_tested_benefits = true
    carer.housing_benefit_for_own_rent = true
  expect
    carer_benefit_group = 3
    expected_to_claim_housing_benefit = false
    weekly_housing_benefit = 0.00
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 276.79
    housing_benefit_paid_to = null
    means_tested_disregard = whole

example "Carers on a means-tested benefit, young person claims HB: group 4"
  given
    case_id = "WB-G4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    carer.means_tested_benefits = true
  expect
    carer_benefit_group = 4
    expected_to_claim_housing_benefit = true
    weekly_council_payment = 208.67
    means_tested_disregard = section_23c_only

example "Carers on a means-tested benefit, young person cannot claim LHA: group 3"
  given
    case_id = "WB-G3b"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.can_claim_lha = false
    placement.provider = local_authority
    carer.means_tested_benefits = true
  expect
    carer_benefit_group = 3

example "Vulnerable: Housing Benefit paid to the carer or Children's Services"
  given
    case_id = "WB-H1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    expected_to_claim_housing_benefit = true
    housing_benefit_paid_to = carer_or_childrens_services

example "Vulnerable but unable to claim LHA: no Housing Benefit to pay"
  given
    case_id = "WB-H2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    young_person.can_claim_lha = false
    placement.provider = local_authority
  expect
    expected_to_claim_housing_benefit = false
    housing_benefit_paid_to = null
    weekly_housing_benefit = 0.00

example "Returned after leaving: no disregard, even with a Housing Benefit claim"
  given
    case_id = "WB-M1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.returned_after_leaving = true
    placement.provider = local_authority
  expect
    eligible = true
    expected_to_claim_housing_benefit = true
    means_tested_disregard = none

# No HB claim (cannot claim LHA) and income below 10.00: nothing comes from
# another source, so the whole payment is disregarded.
example "Everything paid under section 23C: the whole payment is disregarded"
  given
    case_id = "WB-M2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.can_claim_lha = false
    young_person.weekly_income = [8.00]
    placement.provider = local_authority
  expect
    expected_to_claim_housing_benefit = false
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 276.79
    means_tested_disregard = whole

example "Not every payment under section 23C: only that element is disregarded"
  given
    case_id = "WB-M3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.can_claim_lha = false
    placement.provider = local_authority
    placement.all_payments_under_section_23c = false
  expect
    means_tested_disregard = section_23c_only

example "Foster children in the household: DBS check by the 18th birthday"
  given
    case_id = "WB-S1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2008-09-10
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.foster_children_in_household = true
  expect
    dbs_check_due_by = 2026-09-10
    eligible = true
