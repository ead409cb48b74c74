# Examples: birthdays on the assessment date, 29 February births, the end of
# the arrangement at 21 and its extension on an agreed programme.

# 18th birthday today: 18, band 18_19. No income: 326.79 - 68.12 = 258.67.
example "18th birthday on the assessment date: band 18_19"
  given
    case_id = "WB-A1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-06-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = true
    age_band = 18_19
    weekly_total_to_carer = 326.79
    expected_to_claim_housing_benefit = true
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 258.67
    means_tested_disregard = section_23c_only
    next_review_due = 2025-12-01

example "The day before the 18th birthday: still under 18"
  given
    case_id = "WB-A2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-06-02
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = true
    age_band = under_18
    weekly_total_to_carer = 373.59
    expected_to_claim_housing_benefit = false
    weekly_housing_benefit = 0.00
    weekly_council_payment = 373.59
    means_tested_disregard = null
    next_review_due = null

example "19th birthday on the assessment date: band 19_20"
  given
    case_id = "WB-A3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-06-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age_band = 19_20
    weekly_total_to_carer = 276.79

example "20th birthday on the assessment date: band 20_21"
  given
    case_id = "WB-A4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-06-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age_band = 20_21
    weekly_total_to_carer = 226.79

# 21 today, no agreed programme: the arrangement has ended. Nothing is paid;
# the disregard stays whole (no HB claim, no contribution).
example "21st birthday on the assessment date: the arrangement has ended"
  given
    case_id = "WB-A5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2004-06-01
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [90.00]
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2025-06-01
    age_band = null
    weekly_total_to_carer = null
    weekly_housing_benefit = null
    weekly_young_person_contribution = null
    weekly_council_payment = null
    housing_benefit_paid_to = null
    expected_to_claim_housing_benefit = false
    means_tested_disregard = whole
    next_review_due = null
    notice_days = 28

# Born 29 February 2008: the 17th birthday is 2025-03-01 (2025 is a common
# year); one month before it is 2025-02-01; the 18th birthday is 2026-03-01.
example "Born on 29 February, assessed on 28 February of a common year: still 17"
  given
    case_id = "WB-F1"
    assessment_date = 2026-02-28
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2029-03-01
    age_band = under_18
    weekly_total_to_carer = 373.59
    support_meeting_due_by = 2025-03-01
    panel_approval_due_by = 2025-02-01
    next_review_due = null
    means_tested_disregard = null

# 18 on 1 March 2026; the review falls 6 months after that birthday.
example "Born on 29 February: 18 on 1 March of a common year, DBS check due that day"
  given
    case_id = "WB-F2"
    assessment_date = 2026-03-01
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.foster_children_in_household = true
  expect
    eligible = true
    age_band = 18_19
    weekly_total_to_carer = 326.79
    weekly_council_payment = 258.67
    dbs_check_due_by = 2026-03-01
    next_review_due = 2026-09-01

# Born 29 February 2004: 20 on 2024-02-29 (a leap year), 21 on 2025-03-01.
example "Born on 29 February: 28 February before the 21st birthday is still band 20_21"
  given
    case_id = "WB-F3"
    assessment_date = 2025-02-28
    young_person.date_of_birth = 2004-02-29
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-03-01
    age_band = 20_21
    weekly_total_to_carer = 226.79

example "Born on 29 February: the arrangement ends on 1 March"
  given
    case_id = "WB-F4"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2004-02-29
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2025-03-01
    age_band = null
    weekly_total_to_carer = null

# 31 March birth: one month before the 17th birthday (2025-03-31) is clamped
# to 2025-02-28.
example "Panel approval one month before a 31 March birthday"
  given
    case_id = "WB-F5"
    assessment_date = 2024-12-01
    young_person.date_of_birth = 2008-03-31
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    support_meeting_due_by = 2025-03-31
    panel_approval_due_by = 2025-02-28
    age_band = under_18

# On an agreed programme on the 21st birthday (2025-07-01), the course ending
# 2026-06-30: the arrangement runs to the course end; aged 21, band 20_21.
# No income: 226.79 - 68.12 = 158.67.
example "On an agreed programme past 21: staying until the course ends"
  given
    case_id = "WB-P1"
    assessment_date = 2025-08-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = further_education
    education.on_agreed_programme = true
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
    placement.last_review_date = 2025-05-15
  expect
    eligible = true
    end_date = 2026-06-30
    age_band = 20_21
    weekly_total_to_carer = 226.79
    weekly_housing_benefit = 68.12
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 158.67
    council_tax_invisible = true
    next_review_due = 2025-11-15

example "Left the course: the arrangement ended at 21"
  given
    case_id = "WB-P2"
    assessment_date = 2025-08-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.on_agreed_programme = true
    education.course_end_date = 2026-06-30
    education.left_course = true
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2025-07-01
    age_band = null
    weekly_total_to_carer = null
    weekly_council_payment = null

example "A course ending on the 21st birthday does not extend the arrangement"
  given
    case_id = "WB-P3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.on_agreed_programme = true
    education.course_end_date = 2025-07-01
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-07-01
    age_band = 20_21

example "On an agreed programme with no known course end: the 21st birthday"
  given
    case_id = "WB-P4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.on_agreed_programme = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-07-01

example "A course past 21 that is not an agreed programme: the 21st birthday"
  given
    case_id = "WB-P5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-07-01

example "Assessed on the day the agreed course ends: the arrangement has ended"
  given
    case_id = "WB-P6"
    assessment_date = 2026-06-30
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    education.on_agreed_programme = true
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2026-06-30
    age_band = null

# At university and back for the vacation at 18: paid as a 20 - 21 year old.
# No income: 226.79 - 68.12 = 158.67. Full-time: invisible for council tax.
example "University vacation at 18: the 20 - 21 rate"
  given
    case_id = "WB-V1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    education.university_vacation = true
    placement.provider = local_authority
  expect
    eligible = true
    age_band = 20_21
    weekly_total_to_carer = 226.79
    weekly_housing_benefit = 68.12
    weekly_council_payment = 158.67
    council_tax_invisible = true

example "University vacation under 18: still the fostering allowance"
  given
    case_id = "WB-V2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2008-01-20
    young_person.looked_after_immediately_before_18 = true
    education.university_vacation = true
    placement.provider = local_authority
  expect
    age_band = under_18
    weekly_total_to_carer = 373.59
    weekly_council_payment = 373.59

# At university for the vacation and working: M = 120.00 gives
# 10.00 + 62.10 / 2 = 41.05; 226.79 - 41.05 - 68.12 = 117.62.
example "University vacation at 19 while working: the student contributes"
  given
    case_id = "WB-V3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-03-15
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [120.00, 120.00]
    education.full_time = true
    education.kind = higher_education
    education.university_vacation = true
    placement.provider = local_authority
  expect
    age_band = 20_21
    weekly_total_to_carer = 226.79
    weekly_young_person_contribution = 41.05
    weekly_council_payment = 117.62
