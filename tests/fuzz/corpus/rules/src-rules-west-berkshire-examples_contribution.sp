# Examples: the young person's contribution (6.2). Every case here is 18
# (18th birthday 2025-01-20), band 18_19 (total 326.79), and expected to claim
# Housing Benefit (68.12), so the council pays 326.79 - 68.12 - contribution
# = 258.67 - contribution.

example "Average income exactly 57.90 over weeks that vary: the flat 10.00"
  given
    case_id = "WB-C1"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [50.00, 65.80]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 10.00
    weekly_council_payment = 248.67

# 57.91: 10.00 + 0.01 / 2 = 10.005, half a penny: rounds up to 10.01.
example "A half-penny rounds up: average 57.91 gives 10.01"
  given
    case_id = "WB-C2"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [57.91]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 10.01
    weekly_council_payment = 248.66

# 57.95: 10.00 + 0.05 / 2 = 10.025: half up gives 10.03 (half even would give 10.02).
example "Half up, not half even: average 57.95 gives 10.03"
  given
    case_id = "WB-C3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [57.95]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 10.03
    weekly_council_payment = 248.64

# Mean (57.90 + 57.91) / 2 = 57.905 is not rounded: 10.00 + 0.005 / 2 = 10.0025,
# which rounds to 10.00 (rounding the mean first would give 10.01).
example "Rounded once, at the end: average 57.905 gives 10.00"
  given
    case_id = "WB-C4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [57.90, 57.91]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 10.00
    weekly_council_payment = 248.67

# Mean 180.01 / 3 = 60.00333...: 10.00 + 2.10333... / 2 = 11.05166... -> 11.05.
example "An average that is not a whole number of pence is kept exact"
  given
    case_id = "WB-C5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [60.00, 60.00, 60.01]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 11.05
    weekly_council_payment = 247.62

# Six weeks: 630.00 / 6 = 105.00; 10.00 + 47.10 / 2 = 33.55.
example "Six weeks of varying wages are averaged"
  given
    case_id = "WB-C6"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [80.00, 90.00, 100.00, 110.00, 120.00, 130.00]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 33.55
    weekly_council_payment = 225.12

# 200.00: half of 142.10 is 71.05, capped at 50.00: 60.00.
example "The 50.00 cap applies to the half: average 200.00 gives 60.00"
  given
    case_id = "WB-C7"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [200.00]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 60.00
    weekly_council_payment = 198.67

# 157.90: half of 100.00 is exactly the cap: 60.00.
example "Average 157.90 reaches the cap exactly: 60.00"
  given
    case_id = "WB-C8"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [157.90]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 60.00
    weekly_council_payment = 198.67

# 157.88: half of 99.98 is 49.99: 59.99.
example "Average 157.88 is just under the cap: 59.99"
  given
    case_id = "WB-C9"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [157.88]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 59.99
    weekly_council_payment = 198.68

example "Average just below 10.00: too low to contribute"
  given
    case_id = "WB-C10"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [9.99]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 0.00
    weekly_council_payment = 258.67

# Mean (5.00 + 15.00) / 2 = 10.00: not below 10.00, so the flat 10.00.
example "Average exactly 10.00: the flat 10.00"
  given
    case_id = "WB-C11"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2007-01-20
    young_person.looked_after_immediately_before_18 = true
    young_person.weekly_income = [5.00, 15.00]
    placement.provider = local_authority
  expect
    weekly_young_person_contribution = 10.00
    weekly_council_payment = 248.67
    means_tested_disregard = section_23c_only
