# What a bench decision reports, in the order of the bench's output line.

type band: one of under_18, 18_19, 19_20, 20_21, not_eligible

output age_band: band
  "the band of the sliding scale that applies"
output total: money
  "the total weekly package paid to the carer"
output housing_benefit: money
  "the Housing Benefit the young person passes to the carer"
output young_person_contribution: money
  "the young person's own weekly contribution from their income"
output council_payment: money
  "what the council pays the carer each week"
