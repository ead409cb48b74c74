policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
fact young_person.date_of_birth: date required
output adult: bool
rule adulthood for adult
  cites "1. Introduction"
  = age(young_person.date_of_brith, assessment_date) >= 18
