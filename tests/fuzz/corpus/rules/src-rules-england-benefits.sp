# The carer's means-tested benefits, and the young person's Housing Benefit.

# Payments under section 23C, to a young person who was looked after
# immediately before 18 and stays on a non-commercial basis, are disregarded;
# the disregard is lost on the whole payment when the young person leaves and
# comes back (or moves to another carer) after 18; in a commercial arrangement
# only the section 23C element is disregarded.
rule section_23c_disregard for means_tested_disregard
  cites "6.3 Means Tested Benefits"
  when age < 18: null
  when young_person.returned_after_leaving: none
  when not young_person.looked_after_immediately_before_18: none
  when placement.all_payments_under_section_23c: whole
  otherwise: section_23c_only

rule housing_benefit_set_by_council for expected_to_claim_housing_benefit
  cites "6.4 Housing Benefit/Universal Credit"
  = false
