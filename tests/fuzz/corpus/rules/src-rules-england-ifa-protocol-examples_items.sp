# Examples: each protocol item and each working together item missing in
# turn (the others in place, staying put in the contract: no recommendation).
# Every expected value is read off the contract (section 6) by hand: a missing
# item is listed by its bare name, in the order of the guidance.

example "Protocol item missing: interagency_fees_agreed, working together item missing: advice_and_support"
  given
    case_id = "IFA-M1"
    assessment_date = 2025-06-01
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [interagency_fees_agreed]
    protocol_complete = false
    missing_working_together_items = [advice_and_support]
    working_together_complete = false
    recommendations = []

example "Protocol item missing: roles_and_responsibilities_clear, working together item missing: learning_and_development"
  given
    case_id = "IFA-M2"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [roles_and_responsibilities_clear]
    protocol_complete = false
    missing_working_together_items = [learning_and_development]
    working_together_complete = false
    recommendations = []

example "Protocol item missing: lead_agency_agreed, working together item missing: finance_and_benefits_advice"
  given
    case_id = "IFA-M3"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [lead_agency_agreed]
    protocol_complete = false
    missing_working_together_items = [finance_and_benefits_advice]
    working_together_complete = false
    recommendations = []

example "Protocol item missing: lead_agency_provides_learning_and_development, working together item missing: monitoring"
  given
    case_id = "IFA-M4"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [lead_agency_provides_learning_and_development]
    protocol_complete = false
    missing_working_together_items = [monitoring]
    working_together_complete = false
    recommendations = []

example "Protocol item missing: carer_payment_rate_reflects_fees_and_allowances, working together item missing: ending"
  given
    case_id = "IFA-M5"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [carer_payment_rate_reflects_fees_and_allowances]
    protocol_complete = false
    missing_working_together_items = [ending]
    working_together_complete = false
    recommendations = []

example "Protocol item missing: care_planning_guidance, working together complete"
  given
    case_id = "IFA-M6"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [care_planning_guidance]
    protocol_complete = false
    missing_working_together_items = []
    working_together_complete = true
    recommendations = []

example "Protocol item missing: monitoring_and_review_responsibilities, working together complete"
  given
    case_id = "IFA-M7"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [monitoring_and_review_responsibilities]
    protocol_complete = false
    missing_working_together_items = []
    working_together_complete = true
    recommendations = []

example "Protocol item missing: quality_assurance_process, working together complete"
  given
    case_id = "IFA-M8"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = [quality_assurance_process]
    protocol_complete = false
    missing_working_together_items = []
    working_together_complete = true
    recommendations = []
