# Payments and benefits: the baseline rate to the carer, Shared Lives,
# Housing Benefit, council tax, and notice.

figure baseline_rate: money = 138.88
  cites "6. Financial Implications, the Staying Put baseline rate, payable to foster carers for 18 plus young people, is currently set at £138.88 per week"

rule calderdale_baseline_rate replaces allowance_set_by_council
  cites "6. Financial Implications, the Staying Put baseline rate, payable to foster carers for 18 plus young people"
  when not eligible: null
  when age < 18: null
  when placement.provider is independent_fostering_agency: null
    cites "6. Financial Implications, for young people within Independent Fostering agency placements negotiations around rate to be paid should begin when the young person reaches the age of 16"
    cites "Independent Fostering Agencies"
  when staying_put_category is disability_shared_lives: null
    cites "'Staying Put' Disability, an adult placement utilising the Shared Lives Scheme funded by Adult Services"
  when education.university_vacation: null
    cites "'Staying Put' Higher Education, criterion 1"
  otherwise: baseline_rate

rule shared_lives_conversion for converts_to_shared_lives
  cites "'Staying Put' Disability, converted into an adult placement utilising the Shared Lives Scheme funded by Adult Services"
  cites "8. Interface with Adults Services"
  = young_person.disability_adult_services

rule calderdale_housing_benefit replaces housing_benefit_set_by_council
  cites "Housing Benefit, all young people within a 'Staying Put' arrangement would be expected to claim housing benefit from their 18th birthday"
  when not eligible: false
  when age < 18: false
  when not young_person.can_claim_lha: false
    cites "Housing Benefit / Universal Credit, individual advice will therefore need to be obtained"
  when placement.kinship: false
    cites "Housing Benefit, exemptions from this would include young people in kinship placements"
    cites "'Staying Put' Disability, under a kinship arrangement housing benefit can NOT be claimed"
  when carer.housing_benefit_for_own_rent: false
    cites "Housing Benefit, if carers themselves are in receipt of means tested benefits towards their rent young people will NOT be expected to claim housing benefit"
  when education.kind is higher_education: false
    cites "Benefits for Young People, young people in higher education are NOT eligible to claim means tested benefits"
    cites "'Staying Put' Higher Education, criterion 4"
  otherwise: true

rule full_time_education_council_tax for council_tax_invisible
  cites "Council Tax and Council Tax Benefit, young people undertaking full time education are 'invisible' for council tax purposes"
  = education.full_time

rule reasonable_notice replaces notice_set_by_council
  cites "9. Ending of Staying Put Arrangements, the Staying Put carer must give 'reasonable notice'"
  = null
