# Examples: a complete protocol, an empty one, the bundled case, and the
# commissioning recommendations alone and together. Expected values are read
# off the contract (section 6) by hand: missing items by their bare names in
# the order of the guidance; recommendations in the order
# include_staying_put_in_ifa_contract, agree_ifa_support_fee.

example "Everything in place: nothing missing, nothing to recommend"
  given
    case_id = "IFA-1"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = true
    commissioning.ifa_continues_supporting_carer = true
    commissioning.support_fee_agreed = true
  expect
    missing_protocol_items = []
    protocol_complete = true
    missing_working_together_items = []
    working_together_complete = true
    recommendations = []

# Every fact defaults to false: every item is missing; staying put is not in
# the contract; the IFA has no continuing role, so no fee is recommended.
example "Nothing in place: every item missing, staying put to go into the contract"
  given
    case_id = "IFA-2"
    assessment_date = 2025-06-01
  expect
    missing_protocol_items = [interagency_fees_agreed,
                              roles_and_responsibilities_clear,
                              lead_agency_agreed,
                              lead_agency_provides_learning_and_development,
                              carer_payment_rate_reflects_fees_and_allowances,
                              care_planning_guidance,
                              monitoring_and_review_responsibilities,
                              quality_assurance_process]
    protocol_complete = false
    missing_working_together_items = [advice_and_support,
                                      learning_and_development,
                                      finance_and_benefits_advice,
                                      monitoring,
                                      ending]
    working_together_complete = false
    recommendations = [include_staying_put_in_ifa_contract]

example "The IFA supports the carer, no fee agreed, staying put in the contract: agree a fee"
  given
    case_id = "IFA-3"
    assessment_date = 2025-06-01
    commissioning.staying_put_in_ifa_contract = true
    commissioning.ifa_continues_supporting_carer = true
  expect
    recommendations = [agree_ifa_support_fee]

example "Both recommendations, in order"
  given
    case_id = "IFA-4"
    assessment_date = 2025-06-01
    commissioning.ifa_continues_supporting_carer = true
    commissioning.support_fee_agreed = false
  expect
    recommendations = [include_staying_put_in_ifa_contract, agree_ifa_support_fee]

example "The IFA supports the carer and a fee is agreed: only the contract is recommended"
  given
    case_id = "IFA-5"
    assessment_date = 2025-06-01
    commissioning.ifa_continues_supporting_carer = true
    commissioning.support_fee_agreed = true
  expect
    recommendations = [include_staying_put_in_ifa_contract]

# A fee agreed without a continuing role: nothing to recommend about fees.
example "A fee agreed but no continuing role, staying put in the contract: nothing to recommend"
  given
    case_id = "IFA-6"
    assessment_date = 2025-06-01
    commissioning.staying_put_in_ifa_contract = true
    commissioning.support_fee_agreed = true
  expect
    recommendations = []

example "The working together agreement complete, the protocol not"
  given
    case_id = "IFA-7"
    assessment_date = 2025-06-01
    protocol.roles_and_responsibilities_clear = true
    protocol.care_planning_guidance = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    working_together.monitoring = true
    working_together.ending = true
  expect
    missing_protocol_items = [interagency_fees_agreed,
                              lead_agency_agreed,
                              lead_agency_provides_learning_and_development,
                              carer_payment_rate_reflects_fees_and_allowances,
                              monitoring_and_review_responsibilities,
                              quality_assurance_process]
    protocol_complete = false
    missing_working_together_items = []
    working_together_complete = true
    recommendations = [include_staying_put_in_ifa_contract]

example "The protocol complete, the working together agreement missing monitoring and ending"
  given
    case_id = "IFA-8"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = true
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = true
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = true
    commissioning.staying_put_in_ifa_contract = true
  expect
    missing_protocol_items = []
    protocol_complete = true
    missing_working_together_items = [monitoring, ending]
    working_together_complete = false
    recommendations = []

# The bundled case examples/england-ifa-protocol-case.json.
example "The bundled case IFA-0001"
  given
    case_id = "IFA-0001"
    assessment_date = 2025-06-01
    protocol.interagency_fees_agreed = true
    protocol.roles_and_responsibilities_clear = true
    protocol.lead_agency_agreed = true
    protocol.lead_agency_provides_learning_and_development = false
    protocol.carer_payment_rate_reflects_fees_and_allowances = true
    protocol.care_planning_guidance = true
    protocol.monitoring_and_review_responsibilities = false
    protocol.quality_assurance_process = true
    working_together.advice_and_support = true
    working_together.learning_and_development = true
    working_together.finance_and_benefits_advice = false
    working_together.monitoring = true
    working_together.ending = true
    commissioning.staying_put_in_ifa_contract = false
    commissioning.ifa_continues_supporting_carer = true
    commissioning.support_fee_agreed = false
  expect
    missing_protocol_items = [lead_agency_provides_learning_and_development,
                              monitoring_and_review_responsibilities]
    protocol_complete = false
    missing_working_together_items = [finance_and_benefits_advice]
    working_together_complete = false
    recommendations = [include_staying_put_in_ifa_contract, agree_ifa_support_fee]
