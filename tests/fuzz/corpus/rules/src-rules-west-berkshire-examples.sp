# Examples: whole decisions, the age bands and the bundled case. Every
# expected value is worked out by hand from the contract (sections 4 and 5);
# the working is in the comments.

# Age 18 (18th birthday 2025-01-20). M = 57.90: the flat 10.00.
# Expected to claim HB: 326.79 - 10.00 - 68.12 = 248.67. The HB claim makes the
# arrangement commercial. Review: 2025-01-20 + 6 months.
example "Aged 18 on JSA only: the whole decision"
  given
    case_id = "WB-E1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [57.90, 57.90, 57.90]
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2028-01-20
    dbs_check_due_by = null
    means_tested_disregard = section_23c_only
    approval_route = "accommodation_and_resource_panel"
    weekly_total_to_carer = 326.79
    notice_days = 28
    expected_to_claim_housing_benefit = true
    age_band = 18_19
    weekly_housing_benefit = 68.12
    weekly_young_person_contribution = 10.00
    weekly_council_payment = 248.67
    housing_benefit_paid_to = young_person
    council_tax_invisible = false
    carer_benefit_group = 1
    support_meeting_due_by = 2024-01-20
    panel_approval_due_by = 2023-12-20
    next_review_due = 2025-07-20

# Age 16: the fostering allowance; income does not count under 18.
example "Under 18: the fostering allowance, whatever the income"
  given
    case_id = "WB-E2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2008-09-10
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [120.00]
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2029-09-10
    means_tested_disregard = null
    approval_route = "accommodation_and_resource_panel"
    weekly_total_to_carer = 373.59
    notice_days = 28
    expected_to_claim_housing_benefit = false
    age_band = under_18
    weekly_housing_benefit = 0.00
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 373.59
    housing_benefit_paid_to = null
    carer_benefit_group = 1
    support_meeting_due_by = 2025-09-10
    panel_approval_due_by = 2025-08-10
    next_review_due = null

# Age 19 (19th birthday 2025-03-15). No income: M = 0.00 < 10.00.
# 276.79 - 0.00 - 68.12 = 208.67.
example "Aged 19 with no income"
  given
    case_id = "WB-E3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2027-03-15
    age_band = 19_20
    weekly_total_to_carer = 276.79
    weekly_housing_benefit = 68.12
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 208.67
    means_tested_disregard = section_23c_only
    next_review_due = 2024-09-15

# Age 20 (20th birthday 2025-02-10). M = 400.00 / 4 = 100.00:
# 10.00 + (100.00 - 57.90) / 2 = 10.00 + 21.05 = 31.05. No LHA: the council
# pays an amount equal to it: 226.79 - 31.05 = 195.74. Carers on a
# means-tested benefit, no LHA: group 3.
example "Aged 20, cannot claim LHA: the council pays the LHA equivalent"
  given
    case_id = "WB-E4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-02-10
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [100.00, 120.00, 80.00, 100.00]
    young_person.can_claim_lha = false
    placement.provider = local_authority
    carer.means_tested_benefits = true
  expect
    eligible = true
    end_date = 2026-02-10
    age_band = 20_21
    weekly_total_to_carer = 226.79
    expected_to_claim_housing_benefit = false
    weekly_housing_benefit = 0.00
    weekly_young_person_contribution = 31.05
    weekly_council_payment = 195.74
    housing_benefit_paid_to = null
    means_tested_disregard = section_23c_only
    carer_benefit_group = 3

# The bundled case examples/west-berkshire-case.json. Age 19.
# M = 598.20 / 6 = 99.70: 10.00 + 41.80 / 2 = 30.90.
# 276.79 - 30.90 - 68.12 = 177.77. Review: 2025-03-20 + 6 months.
example "The bundled case WB-0001"
  given
    case_id = "WB-0001"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [95.40, 102.15, 88.00, 110.25, 97.60, 104.80]
    education.kind = training
    placement.provider = local_authority
    placement.start_date = 2024-03-15
    placement.last_review_date = 2025-03-20
  expect
    eligible = true
    end_date = 2027-03-15
    dbs_check_due_by = null
    means_tested_disregard = section_23c_only
    approval_route = "accommodation_and_resource_panel"
    weekly_total_to_carer = 276.79
    notice_days = 28
    expected_to_claim_housing_benefit = true
    age_band = 19_20
    weekly_housing_benefit = 68.12
    weekly_young_person_contribution = 30.90
    weekly_council_payment = 177.77
    housing_benefit_paid_to = young_person
    council_tax_invisible = false
    carer_benefit_group = 1
    support_meeting_due_by = 2023-03-15
    panel_approval_due_by = 2023-02-15
    next_review_due = 2025-09-20
