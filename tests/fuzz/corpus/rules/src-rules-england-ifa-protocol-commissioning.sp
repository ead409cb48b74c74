# The commissioning recommendations: one value per code, each citing the
# sentence of the guidance it comes from, so that the decision explains the
# list code by code.

value contract_recommendation: recommendation or null
  cites "Working agreements and commissioning, Commissioning for staying put arrangements should be incorporated into the contractual requirement for independent fostering providers"
  cites "Recommendations for fostering services, We recommend that local authorities in partnership with independent fostering providers should establish contractual agreements which include staying put"
  when not commissioning.staying_put_in_ifa_contract: include_staying_put_in_ifa_contract
  otherwise: null

value support_fee_recommendation: recommendation or null
  cites "Working agreements and commissioning, Where an independent fostering provider has a continuing role in supporting carers who are providing a staying put arrangement, it is reasonable for a fee for this support to be agreed"
  when commissioning.ifa_continues_supporting_carer and not commissioning.support_fee_agreed:
    agree_ifa_support_fee
  otherwise: null

rule recommendations_that_apply for recommendations
  cites "Recommendations for fostering services"
  = present(contract_recommendation, support_fee_recommendation)
