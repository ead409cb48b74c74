# Examples of the national baseline. Expected values are worked out by hand
# from the contract (sections 4 and 5).

example "A 19-year-old staying put with local authority carers"
  given
    case_id = "EN-1"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2006-05-10
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age = 19
    eligible = true
    end_date = 2027-05-10
    dbs_check_due_by = null
    means_tested_disregard = whole
    approval_route = null
    weekly_total_to_carer = null
    notice_days = null
    expected_to_claim_housing_benefit = false

example "Foster children in the household; born on 29 February, still 17"
  given
    case_id = "EN-2"
    assessment_date = 2025-10-01
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.foster_children_in_household = true
  expect
    age = 17
    eighteenth_birthday = 2026-03-01
    eligible = true
    end_date = 2029-03-01
    dbs_check_due_by = 2026-03-01
    means_tested_disregard = null

example "Returned after leaving: the disregard is lost on the whole payment"
  given
    case_id = "EN-3"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-01-15
    young_person.looked_after_immediately_before_18 = true
    young_person.returned_after_leaving = true
    placement.provider = local_authority
  expect
    age = 20
    eligible = true
    end_date = 2026-01-15
    means_tested_disregard = none

example "Not every payment under section 23C: only that element is disregarded"
  given
    case_id = "EN-4"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.all_payments_under_section_23c = false
  expect
    age = 18
    eligible = true
    means_tested_disregard = section_23c_only

example "Not looked after immediately before 18: not eligible, no disregard"
  given
    case_id = "EN-5"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = false
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2027-11-30
    means_tested_disregard = none
    expected_to_claim_housing_benefit = false

example "Assessed on the 21st birthday: the arrangement has ended"
  given
    case_id = "EN-6"
    assessment_date = 2025-07-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age = 21
    eligible = false
    end_date = 2025-07-01
    means_tested_disregard = whole

example "The day before the 21st birthday: still eligible"
  given
    case_id = "EN-7"
    assessment_date = 2025-06-30
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age = 20
    eligible = true
    end_date = 2025-07-01

example "The carer does not agree"
  given
    case_id = "EN-8"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.carer_agrees = false
  expect
    eligible = false
    means_tested_disregard = whole

example "The young person has left the arrangement"
  given
    case_id = "EN-9"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = true
    young_person.left_arrangement = true
    placement.provider = local_authority
  expect
    eligible = false
    means_tested_disregard = whole

example "The young person does not wish to stay"
  given
    case_id = "EN-10"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = true
    young_person.wishes_to_stay_put = false
    placement.provider = local_authority
  expect
    eligible = false

example "18th birthday on the assessment date: an adult, DBS check due that day"
  given
    case_id = "EN-11"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-09-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    placement.foster_children_in_household = true
  expect
    age = 18
    eligible = true
    dbs_check_due_by = 2025-09-01
    means_tested_disregard = whole

example "The day before the 18th birthday: would qualify at 18"
  given
    case_id = "EN-12"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-09-02
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
  expect
    age = 17
    eligible = true
    end_date = 2028-09-02
    means_tested_disregard = null

example "On an agreed programme past 21: the national baseline does not extend"
  given
    case_id = "EN-13"
    assessment_date = 2025-08-01
    young_person.date_of_birth = 2004-07-01
    young_person.looked_after_immediately_before_18 = true
    placement.provider = local_authority
    education.on_agreed_programme = true
    education.course_end_date = 2026-06-30
  expect
    eligible = false
    end_date = 2025-07-01

example "Independent fostering agency placement: the same duties"
  given
    case_id = "EN-14"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2006-11-30
    young_person.looked_after_immediately_before_18 = true
    placement.provider = independent_fostering_agency
  expect
    eligible = true
    end_date = 2027-11-30
    means_tested_disregard = whole
    weekly_total_to_carer = null
