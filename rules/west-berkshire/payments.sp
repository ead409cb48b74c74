# Payments: the annual payments table (a sliding scale by age band), the
# Housing Benefit the young person claims, the young person's contribution
# from their income, and what the council pays the carer.

type band: one of under_18, 18_19, 19_20, 20_21

table payments: money by band
  under_18: 373.59
  18_19: 326.79
  19_20: 276.79
  20_21: 226.79
  cites "6.1 Staying Put Allowances, annual payments table, Total"

figure housing_benefit_rate: money = 68.12
  cites "6.1 Staying Put Allowances, annual payments table, Housing Benefit"

figure jsa_rate: money = 57.90
  cites "6.2 Financial Contributions From Young People"

figure flat_contribution: money = 10.00
  cites "6.2 Financial Contributions From Young People"
  cites "6.1 Staying Put Allowances, annual payments table, Young Person"

figure contribution_cap: money = 50.00
  cites "6.2 Financial Contributions From Young People"

rule age_band_by_age for age_band
  cites "6.1 Staying Put Allowances, annual payments table"
  when not eligible: null
  when age < 18: under_18
  when education.university_vacation: 20_21
    cites "2. Entitlement to Stay Put, the same rate as for a 20 - 21 year old during the university vacation"
  when age >= 21: 20_21
    cites "2. Entitlement to Stay Put, on an agreed programme of education or training on their 21st birthday"
  when age = 18: 18_19
  when age = 19: 19_20
  otherwise: 20_21

rule payment_by_age_band replaces allowance_set_by_council
  cites "6.1 Staying Put Allowances, annual payments table"
  when not eligible: null
  when young_person.disability_adult_services: null
    cites "6.1 Staying Put Allowances, payments for young people with disability are individually arranged through the Accommodation and Resource Panel"
  when placement.provider is independent_fostering_agency: payments[age_band]
    assume "The annual payments table applies to independent fostering agency placements too: the text negotiates rates for young people with specific needs in independent sector fostering, and no fact of the case records specific needs"
  otherwise: payments[age_band]

rule expected_to_claim_lha replaces housing_benefit_set_by_council
  cites "6.1 Staying Put Allowances, the young person can usually claim Local Housing Allowance"
  = eligible
      and age >= 18
      and young_person.can_claim_lha
      and not carer.housing_benefit_for_own_rent

rule housing_benefit_towards_rent for weekly_housing_benefit
  cites "6.1 Staying Put Allowances, annual payments table, Housing Benefit"
  when not eligible: null
  when expected_to_claim_housing_benefit: housing_benefit_rate
  otherwise: 0.00

rule housing_benefit_payee for housing_benefit_paid_to
  cites "6.1 Staying Put Allowances, the Local Housing Allowance is usually paid direct to the young person"
  when not expected_to_claim_housing_benefit: null
  when young_person.vulnerable: carer_or_childrens_services
    cites "3. Planning, housing benefit paid directly to the carer or Children's Services as agents for a vulnerable young person"
  otherwise: young_person

# The mean of the weeks given (at most six; 0.00 when none): exact, never
# rounded on its own.
value mean_weekly_income: money
  cites "6.2 Financial Contributions From Young People, averaged over a six week period"
  = mean(young_person.weekly_income)

rule young_person_contribution for weekly_young_person_contribution
  cites "6.2 Financial Contributions From Young People"
  when not eligible: null
  when age < 18: 0.00
    cites "6.1 Staying Put Allowances, annual payments table, Young Person: N/A up to 18"
  when mean_weekly_income < flat_contribution: 0.00
    assume "An average weekly income below 10.00 is too low to contribute the flat 10.00: the young person contributes nothing and the council makes up the difference, so that the carer suffers no detriment"
  when mean_weekly_income <= jsa_rate: flat_contribution
  otherwise:
    (flat_contribution + min((mean_weekly_income - jsa_rate) / 2, contribution_cap))
        rounded to penny half up
    assume "The 50.00 cap applies to the half of the income above 57.90 alone, so the contribution is at most 60.00 (10.00 plus 50.00): this reconciles 'up to a maximum of 50 per week contribution' with '50% of the next 100 of their income'"

# Under 18 the council pays the fostering allowance (the whole total); from 18
# the total less what the young person contributes and, when they claim it,
# their Housing Benefit (the table's Leaving Care row).
rule council_payment for weekly_council_payment
  cites "6.1 Staying Put Allowances, annual payments table"
  when not eligible: null
  when weekly_total_to_carer is null: null
  when age < 18: weekly_total_to_carer
  when expected_to_claim_housing_benefit:
    weekly_total_to_carer - weekly_young_person_contribution - weekly_housing_benefit
  otherwise: weekly_total_to_carer - weekly_young_person_contribution
    cites "6.1 Staying Put Allowances, if the young person cannot claim Local Housing Allowance the Local Authority will compensate by paying an amount equivalent to LHA"
