policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
fact young_person.vulnerable: bool
output vulnerable: bool
rule vulnerability for vulnerable
  cites "4. Vulnerability"
  = young_person.vulnerable
