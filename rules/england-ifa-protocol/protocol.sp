# The joint protocol and the working together agreement: what is missing.

rule protocol_items_missing for missing_protocol_items
  cites "Working agreements and commissioning, the protocols should be reasonable and fair and should include"
  cites "Recommendation for fostering services, joint protocols must be inclusive and explicit in respect of roles and responsibilities in the provision of practical support, including financial support"
  = [interagency_fees_agreed when not protocol.interagency_fees_agreed,
     roles_and_responsibilities_clear when not protocol.roles_and_responsibilities_clear,
     lead_agency_agreed when not protocol.lead_agency_agreed,
     lead_agency_provides_learning_and_development
         when not protocol.lead_agency_provides_learning_and_development,
     carer_payment_rate_reflects_fees_and_allowances
         when not protocol.carer_payment_rate_reflects_fees_and_allowances,
     care_planning_guidance when not protocol.care_planning_guidance,
     monitoring_and_review_responsibilities
         when not protocol.monitoring_and_review_responsibilities,
     quality_assurance_process when not protocol.quality_assurance_process]

rule protocol_has_every_item for protocol_complete
  cites "Working agreements and commissioning, it is essential that local authority and independent fostering providers establish joint protocols in respect of staying put"
  = missing_protocol_items = []

rule working_together_items_missing for missing_working_together_items
  cites "Working together agreements, a working together agreement should be drawn up which includes where responsibility lies for"
  = [advice_and_support when not working_together.advice_and_support,
     learning_and_development when not working_together.learning_and_development,
     finance_and_benefits_advice when not working_together.finance_and_benefits_advice,
     monitoring when not working_together.monitoring,
     ending when not working_together.ending]

rule working_together_has_every_item for working_together_complete
  cites "Working together agreements"
  = missing_working_together_items = []
