# The carers' benefits and council tax.

# The young person's contribution or Housing Benefit is money from a source
# other than section 23C: the arrangement is then commercial, and only the
# section 23C element is disregarded.
rule west_berkshire_disregard replaces section_23c_disregard
  cites "6.3 Means Tested Benefits"
  cites "6.1 Staying Put Allowances, group 1"
  when base is whole
      and (expected_to_claim_housing_benefit
           or (weekly_young_person_contribution is not null
               and weekly_young_person_contribution > 0.00)):
    section_23c_only
    assume "A young person who is expected to claim Housing Benefit, or who contributes more than 0.00 a week, makes the arrangement commercial (6.1, group 1: the carer receives part of the payment 'from the young person, via contributions, or housing benefit'), so only the section 23C element is disregarded"
  otherwise: base

# The four broad groups of carers of 6.1, each branch citing its group.
rule carer_group for carer_benefit_group
  when not carer.means_tested_benefits and not carer.pension_credit: 1
    cites "6.1 Staying Put Allowances, group 1"
  when carer.pension_credit: 2
    cites "6.1 Staying Put Allowances, group 2"
  when not young_person.can_claim_lha or carer.housing_benefit_for_own_rent: 3
    cites "6.1 Staying Put Allowances, group 3"
    assume "Carers on a means-tested benefit are in group 3 (the council pays the whole allowance under section 23C) when the young person cannot claim Local Housing Allowance or the carers receive help with their own rent, because no Housing Benefit can then be claimed towards the arrangement"
  otherwise: 4
    cites "6.1 Staying Put Allowances, group 4"
    assume "Carers on a means-tested benefit are in group 4 (the young person claims Housing Benefit, the council pays the rest and compensates the benefit the carers lose, under section 23C) when the young person can claim Local Housing Allowance and the carers receive no help with their own rent"

rule full_time_education_council_tax for council_tax_invisible
  cites "6.5 Council Tax and Council Tax Benefit"
  = education.full_time
