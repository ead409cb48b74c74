# Examples: the end of education and training (30 September, one month after
# the course, the 21st birthday first), assessment on an end date, and the
# due dates for births on 29 February and 31 August. Worked by hand from the
# contract (section 4: a 29 February birthday is 1 March in a common year;
# months are added or taken keeping the day, clamped to the month's end).

# Born 2007-06-15: 18 on 2025-06-15, 21 on 2028-06-15. Assessed 2025-09-01:
# age 18. The course ends on 30 September itself: that is the first 30
# September on or after it.
example "Course ends on 30 September, going to university: ends that day"
  given
    case_id = "CAL-D1"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-06-15
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-09-30
    education.going_to_university = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-09-30
    staying_put_category = education_training
    education_training_end = 2026-09-30

example "Course ends on 1 October, going to university: the next year's 30 September"
  given
    case_id = "CAL-D2"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-06-15
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-10-01
    education.going_to_university = true
    placement.provider = local_authority
  expect
    end_date = 2027-09-30

example "Course ends on 29 September, going to university: the next day"
  given
    case_id = "CAL-D3"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-06-15
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-09-29
    education.going_to_university = true
    placement.provider = local_authority
  expect
    end_date = 2026-09-30

# Not going to university: one month after 2026-09-30 is 2026-10-30.
example "Course ends on 30 September, not going to university: one month later"
  given
    case_id = "CAL-D4"
    assessment_date = 2025-09-01
    young_person.date_of_birth = 2007-06-15
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = a_level
    education.course_end_date = 2026-09-30
    placement.provider = local_authority
  expect
    end_date = 2026-10-30

# Born 2007-09-10: 18 on 2025-09-10. Training ends 2026-01-31: one month
# after is 2026-02-28 (clamped).
example "One month after 31 January is 28 February"
  given
    case_id = "CAL-D5"
    assessment_date = 2025-10-01
    young_person.date_of_birth = 2007-09-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = training
    education.course_end_date = 2026-01-31
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-02-28
    weekly_total_to_carer = 138.88

# Born 2005-08-01: 21 on 2026-08-01. Further education ends 2026-07-15, going
# to university: 2026-09-30 would be after the 21st birthday: 2026-08-01.
example "The 21st birthday before the 30 September after the course"
  given
    case_id = "CAL-D6"
    assessment_date = 2025-06-01
    young_person.date_of_birth = 2005-08-01
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = further_education
    education.course_end_date = 2026-07-15
    education.going_to_university = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-08-01
    staying_put_category = education_training

# Born 2005-07-20: 20 on 2025-07-20, 21 on 2026-07-20. Training ends
# 2026-07-01: one month after, 2026-08-01, is after the 21st birthday:
# 2026-07-20. Assessed the day before: still eligible.
example "The 21st birthday before one month after the course: the day before"
  given
    case_id = "CAL-D7"
    assessment_date = 2026-07-19
    young_person.date_of_birth = 2005-07-20
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = training
    education.course_end_date = 2026-07-01
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2026-07-20
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = true
    financial_plan_required = true

example "The 21st birthday before one month after the course: on the birthday, ended"
  given
    case_id = "CAL-D8"
    assessment_date = 2026-07-20
    young_person.date_of_birth = 2005-07-20
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = training
    education.course_end_date = 2026-07-01
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2026-07-20
    staying_put_category = education_training
    approval_route = "manager_pathway_team"
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    financial_plan_required = false

# Born 2007-03-10: further education ends 2026-06-30: end 2026-07-30.
example "Assessed on the day education and training ends: ended"
  given
    case_id = "CAL-D9"
    assessment_date = 2026-07-30
    young_person.date_of_birth = 2007-03-10
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = further_education
    education.course_end_date = 2026-06-30
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2026-07-30
    weekly_total_to_carer = null

# Born 2008-02-29: 16 on 2024-02-29 (a leap year), 17 on 2025-03-01, 18 on
# 2026-03-01, 21 on 2029-03-01. Panel referral 2025-03-01 + 6 months =
# 2025-09-01. Three way meeting 2026-03-01 - 6 months = 2025-09-01. Assessed
# 2025-10-01: age 17. DBS check by the 18th birthday, 2026-03-01.
example "Born 29 February, vulnerable, independent fostering agency, under 18"
  given
    case_id = "CAL-D10"
    assessment_date = 2025-10-01
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = independent_fostering_agency
    placement.foster_children_in_household = true
  expect
    eligible = true
    end_date = 2029-03-01
    dbs_check_due_by = 2026-03-01
    means_tested_disregard = null
    categories = [vulnerability]
    staying_put_category = vulnerability
    approval_route = "childrens_resource_panel"
    financial_plan_required = false
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    panel_referral_due_by = 2025-09-01
    three_way_meeting_due_by = 2025-09-01
    rate_negotiation_from = 2024-02-29

# 28 February 2026: still 17 (the 18th birthday is 1 March).
example "Born 29 February, local authority: 28 February of a common year, still 17"
  given
    case_id = "CAL-D11"
    assessment_date = 2026-02-28
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    eligible = true
    weekly_total_to_carer = null
    expected_to_claim_housing_benefit = false
    means_tested_disregard = null
    panel_referral_due_by = 2025-09-01
    three_way_meeting_due_by = null
    rate_negotiation_from = null

example "Born 29 February, local authority: 18 on 1 March, the baseline rate"
  given
    case_id = "CAL-D12"
    assessment_date = 2026-03-01
    young_person.date_of_birth = 2008-02-29
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2029-03-01
    weekly_total_to_carer = 138.88
    expected_to_claim_housing_benefit = true
    means_tested_disregard = whole
    financial_plan_required = true

# Born 2004-02-29: 18 on 2022-03-01 (2022 is a common year); planned move on
# without a start: 2022-03-01 + 3 months = 2022-06-01.
example "Born 29 February: planned move on from the 18th birthday, 1 March"
  given
    case_id = "CAL-D13"
    assessment_date = 2022-05-31
    young_person.date_of_birth = 2004-02-29
    young_person.looked_after_immediately_before_18 = true
    housing.registered_and_actively_bidding = true
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2022-06-01
    staying_put_category = planned_move_on
    weekly_total_to_carer = 138.88

# Born 2004-02-29: 21 on 2025-03-01. Assessed 2025-02-28: age 20, eligible.
example "Born 29 February: higher education, 28 February before the 21st birthday"
  given
    case_id = "CAL-D14"
    assessment_date = 2025-02-28
    young_person.date_of_birth = 2004-02-29
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    placement.provider = local_authority
  expect
    eligible = true
    end_date = 2025-03-01
    weekly_total_to_carer = 138.88

example "Born 29 February: higher education ends on 1 March"
  given
    case_id = "CAL-D15"
    assessment_date = 2025-03-01
    young_person.date_of_birth = 2004-02-29
    young_person.looked_after_immediately_before_18 = true
    education.full_time = true
    education.kind = higher_education
    placement.provider = local_authority
  expect
    eligible = false
    end_date = 2025-03-01
    weekly_total_to_carer = null
    financial_plan_required = false

# Born 2007-08-31: 16 on 2023-08-31, 17 on 2024-08-31, 18 on 2025-08-31.
# Panel referral 2024-08-31 + 6 months = 2025-02-28 (clamped); three way
# meeting 2025-08-31 - 6 months = 2025-02-28 (clamped).
example "Born 31 August: 17 and a half and six months before 18 fall on 28 February"
  given
    case_id = "CAL-D16"
    assessment_date = 2025-01-15
    young_person.date_of_birth = 2007-08-31
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = independent_fostering_agency
  expect
    end_date = 2028-08-31
    panel_referral_due_by = 2025-02-28
    three_way_meeting_due_by = 2025-02-28
    rate_negotiation_from = 2023-08-31

# Born 2006-08-31: 17 on 2023-08-31, 18 on 2024-08-31. 2024 is a leap year:
# both dates clamp to 2024-02-29.
example "Born 31 August: the due dates clamp to 29 February in a leap year"
  given
    case_id = "CAL-D17"
    assessment_date = 2024-01-10
    young_person.date_of_birth = 2006-08-31
    young_person.looked_after_immediately_before_18 = true
    young_person.vulnerable = true
    placement.provider = independent_fostering_agency
  expect
    panel_referral_due_by = 2024-02-29
    three_way_meeting_due_by = 2024-02-29
    rate_negotiation_from = 2022-08-31
