# The bench job's rules (baseline.c's header states them in pence).

table totals: money by band
  under_18: 373.59
  18_19: 326.79
  19_20: 276.79
  20_21: 226.79
  not_eligible: 0.00
  cites "The job, bands and totals"

figure housing_benefit_rate: money = 68.12
  cites "The job, housing benefit"

figure threshold: money = 57.90
  cites "The job, contribution"

figure flat_contribution: money = 10.00
  cites "The job, contribution"

figure contribution_cap: money = 50.00
  cites "The job, contribution"

# A birthday counts on its own day.
value age: whole number
  cites "The job, age in whole years on the assessment date"
  = age(date_of_birth, assessment_date)

rule band_by_age for age_band
  cites "The job, bands and totals"
  when age < 18: under_18
  when age >= 21: not_eligible
  when university_vacation: 20_21
    cites "The job, university vacation at 18-20 takes band 20_21"
  when age = 18: 18_19
  when age = 19: 19_20
  otherwise: 20_21

# The bands 18_19, 19_20 and 20_21 are means-tested: housing benefit and a
# contribution. Under 18 and 21 or over: nothing but the total.
value means_tested: bool
  cites "The job, bands and totals"
  = age_band is one of (18_19, 19_20, 20_21)

rule total_by_band for total
  cites "The job, bands and totals"
  = totals[age_band]

rule housing_benefit_in_means_tested_bands for housing_benefit
  cites "The job, housing benefit"
  when means_tested: housing_benefit_rate
  otherwise: 0.00

value mean_income: money
  cites "The job, contribution, the mean weekly income M"
  = mean(weekly_income)

# The mean is exact; the contribution is rounded half up to the penny once,
# at the end.
rule contribution_from_income for young_person_contribution
  cites "The job, contribution"
  when not means_tested: 0.00
  when mean_income <= threshold: flat_contribution
  otherwise:
    (flat_contribution + min((mean_income - threshold) / 2, contribution_cap))
        rounded to penny half up

rule council_payment_after_contribution for council_payment
  cites "The job, council payment"
  when not means_tested: total
  when can_claim_lha: total - young_person_contribution - housing_benefit
  otherwise: total - young_person_contribution
