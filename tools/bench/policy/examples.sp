# Examples of the bench job, worked out by hand from its README's rules.
# In the means-tested bands the council pays
#   total - contribution - 68.12 (can claim LHA), or total - contribution.

example "Under 18 (the 18th birthday is tomorrow): the whole total, nothing else"
  given
    case_id = "B-1"
    assessment_date = 2026-06-01
    date_of_birth = 2008-06-02
    weekly_income = [200.00]
    can_claim_lha = true
    university_vacation = true
  expect
    age = 17
    means_tested = false
    age_band = under_18
    total = 373.59
    housing_benefit = 0.00
    young_person_contribution = 0.00
    council_payment = 373.59

example "18 today, average exactly 57.90 over weeks that vary: the flat 10.00"
  given
    case_id = "B-2"
    assessment_date = 2025-06-01
    date_of_birth = 2007-06-01
    weekly_income = [50.00, 65.80]
    can_claim_lha = true
    university_vacation = false
  expect
    age = 18
    age_band = 18_19
    total = 326.79
    housing_benefit = 68.12
    young_person_contribution = 10.00
    council_payment = 248.67

example "Just under the threshold: average 57.89 gives the flat 10.00"
  given
    case_id = "B-3"
    assessment_date = 2025-06-01
    date_of_birth = 2007-01-20
    weekly_income = [57.89]
    can_claim_lha = true
    university_vacation = false
  expect
    young_person_contribution = 10.00
    council_payment = 248.67

# 19, cannot claim LHA: the council pays total - contribution.
# 57.91: 10.00 + 0.01 / 2 = 10.005, half a penny: rounds up to 10.01.
example "19, cannot claim LHA; half a penny rounds up: average 57.91 gives 10.01"
  given
    case_id = "B-4"
    assessment_date = 2025-06-01
    date_of_birth = 2006-03-15
    weekly_income = [57.91]
    can_claim_lha = false
    university_vacation = false
  expect
    age = 19
    age_band = 19_20
    total = 276.79
    housing_benefit = 68.12
    young_person_contribution = 10.01
    council_payment = 266.78

# 57.95: 10.025, half up gives 10.03 (half even would give 10.02).
example "Half up, not half even: average 57.95 gives 10.03"
  given
    case_id = "B-5"
    assessment_date = 2025-06-01
    date_of_birth = 2006-03-15
    weekly_income = [57.95]
    can_claim_lha = false
    university_vacation = false
  expect
    young_person_contribution = 10.03
    council_payment = 266.76

# Mean 57.905 is not rounded first: 10.00 + 0.005 / 2 = 10.0025 -> 10.00.
example "Rounded once, at the end: average 57.905 gives 10.00"
  given
    case_id = "B-6"
    assessment_date = 2025-06-01
    date_of_birth = 2006-03-15
    weekly_income = [57.90, 57.91]
    can_claim_lha = true
    university_vacation = false
  expect
    young_person_contribution = 10.00
    council_payment = 198.67

# Mean 57.915: 10.00 + 0.015 / 2 = 10.0075 -> 10.01.
example "Rounded once, at the end: average 57.915 gives 10.01"
  given
    case_id = "B-7"
    assessment_date = 2025-06-01
    date_of_birth = 2006-03-15
    weekly_income = [57.90, 57.93]
    can_claim_lha = true
    university_vacation = false
  expect
    young_person_contribution = 10.01
    council_payment = 198.66

example "20, inside the taper: average 100.00 gives 10.00 + 21.05"
  given
    case_id = "B-8"
    assessment_date = 2025-06-01
    date_of_birth = 2005-01-01
    weekly_income = [120.00, 80.00, 100.00]
    can_claim_lha = true
    university_vacation = false
  expect
    age = 20
    age_band = 20_21
    total = 226.79
    housing_benefit = 68.12
    young_person_contribution = 31.05
    council_payment = 127.62

example "The cap reached exactly: average 157.90 gives 60.00"
  given
    case_id = "B-9"
    assessment_date = 2025-06-01
    date_of_birth = 2005-01-01
    weekly_income = [157.90]
    can_claim_lha = true
    university_vacation = false
  expect
    young_person_contribution = 60.00
    council_payment = 98.67

# 157.89: 10.00 + 99.99 / 2 = 59.995 -> 60.00 (half up); 157.88 -> 59.99.
example "Just under the cap, a half penny: average 157.89 gives 60.00"
  given
    case_id = "B-10"
    assessment_date = 2025-06-01
    date_of_birth = 2005-01-01
    weekly_income = [157.89]
    can_claim_lha = false
    university_vacation = false
  expect
    young_person_contribution = 60.00
    council_payment = 166.79

example "Just under the cap: average 157.88 gives 59.99"
  given
    case_id = "B-11"
    assessment_date = 2025-06-01
    date_of_birth = 2005-01-01
    weekly_income = [157.88]
    can_claim_lha = false
    university_vacation = false
  expect
    young_person_contribution = 59.99
    council_payment = 166.80

example "Above the cap: average 200.00 still gives 60.00"
  given
    case_id = "B-12"
    assessment_date = 2025-06-01
    date_of_birth = 2007-01-20
    weekly_income = [400.00, 0.00]
    can_claim_lha = true
    university_vacation = false
  expect
    age_band = 18_19
    young_person_contribution = 60.00
    council_payment = 198.67

example "University vacation at 18 takes band 20_21"
  given
    case_id = "B-13"
    assessment_date = 2025-06-01
    date_of_birth = 2007-01-20
    weekly_income = [100.00]
    can_claim_lha = true
    university_vacation = true
  expect
    age = 18
    age_band = 20_21
    total = 226.79
    housing_benefit = 68.12
    young_person_contribution = 31.05
    council_payment = 127.62

example "University vacation at 19 takes band 20_21"
  given
    case_id = "B-14"
    assessment_date = 2025-06-01
    date_of_birth = 2006-03-15
    weekly_income = [10.00]
    can_claim_lha = false
    university_vacation = true
  expect
    age_band = 20_21
    young_person_contribution = 10.00
    council_payment = 216.79

example "20 until the day before the 21st birthday"
  given
    case_id = "B-15"
    assessment_date = 2025-05-31
    date_of_birth = 2004-06-01
    weekly_income = [0.00]
    can_claim_lha = true
    university_vacation = false
  expect
    age = 20
    age_band = 20_21
    young_person_contribution = 10.00
    council_payment = 148.67

example "21 today: not eligible, everything 0.00, even in a university vacation"
  given
    case_id = "B-16"
    assessment_date = 2025-06-01
    date_of_birth = 2004-06-01
    weekly_income = [300.00]
    can_claim_lha = true
    university_vacation = true
  expect
    age = 21
    means_tested = false
    age_band = not_eligible
    total = 0.00
    housing_benefit = 0.00
    young_person_contribution = 0.00
    council_payment = 0.00

example "25: not eligible"
  given
    case_id = "B-17"
    assessment_date = 2026-01-29
    date_of_birth = 2000-06-26
    weekly_income = [13.23, 48.92]
    can_claim_lha = false
    university_vacation = false
  expect
    age = 25
    age_band = not_eligible
    council_payment = 0.00
