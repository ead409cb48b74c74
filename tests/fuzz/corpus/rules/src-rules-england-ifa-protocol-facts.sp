# The facts of a protocol case (contract section 6). Every item is false
# unless the case says it is in place.

fact case_id: text required
  "the case's reference"
fact assessment_date: date required from 2000-01-01 to 2099-12-31
  "the date the protocol is assessed as of"

# The joint protocol between the local authority and the independent
# fostering provider ("The protocols should be reasonable and fair and should
# include:"), in the order of the guidance.
fact protocol.interagency_fees_agreed: bool default false
  "agreement of payment of any relevant interagency fees in keeping with staying put policy and commissioning policy"
fact protocol.roles_and_responsibilities_clear: bool default false
  "clarity on the roles and responsibilities of the local authority and the independent fostering provider"
fact protocol.lead_agency_agreed: bool default false
  "agreement as to which agency will lead on the provision of advice, assistance and support to the former foster carer"
fact protocol.lead_agency_provides_learning_and_development: bool default false
  "clarity that the lead agency will be responsible for learning and development opportunities for staying put carers"
fact protocol.carer_payment_rate_reflects_fees_and_allowances: bool default false
  "agreement on payments to the former foster carer at a rate which reflects fees and allowances"
fact protocol.care_planning_guidance: bool default false
  "specific guidance on the care planning/pathway planning process"
fact protocol.monitoring_and_review_responsibilities: bool default false
  "agreement on the responsibilities for the monitoring and review of staying put arrangements"
fact protocol.quality_assurance_process: bool default false
  "agreement on quality assurance and the process when an arrangement does not meet basic standards"

# The working together agreement: where responsibility lies for each.
fact working_together.advice_and_support: bool default false
  "provision of advice and support to the carer and the young person"
fact working_together.learning_and_development: bool default false
  "learning and development opportunities for the carer and the young person"
fact working_together.finance_and_benefits_advice: bool default false
  "provision of advice about finance and benefits to the carer and the young person"
fact working_together.monitoring: bool default false
  "monitoring the arrangement"
fact working_together.ending: bool default false
  "ending the arrangement"

# Commissioning.
fact commissioning.staying_put_in_ifa_contract: bool default false
  "staying put is included in the contract with the independent fostering provider"
fact commissioning.ifa_continues_supporting_carer: bool default false
  "the independent fostering provider has a continuing role in supporting the staying put carer"
fact commissioning.support_fee_agreed: bool default false
  "a fee for that continuing support has been agreed"
