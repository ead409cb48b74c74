# The outputs of a protocol decision (contract section 6), in order, and the
# enumerations of their items: each in the order of the guidance.

type protocol_item: one of interagency_fees_agreed, roles_and_responsibilities_clear, lead_agency_agreed, lead_agency_provides_learning_and_development, carer_payment_rate_reflects_fees_and_allowances, care_planning_guidance, monitoring_and_review_responsibilities, quality_assurance_process

type working_together_item: one of advice_and_support, learning_and_development, finance_and_benefits_advice, monitoring, ending

type recommendation: one of include_staying_put_in_ifa_contract, agree_ifa_support_fee

output missing_protocol_items: list of protocol_item
  "the items the joint protocol should include and does not, in the order of the guidance"
output protocol_complete: bool
  "the joint protocol includes every item"
output missing_working_together_items: list of working_together_item
  "the responsibilities the working together agreement should place and does not, in order"
output working_together_complete: bool
  "the working together agreement places every responsibility"
output recommendations: list of recommendation
  "what the guidance recommends for this protocol, in order"
