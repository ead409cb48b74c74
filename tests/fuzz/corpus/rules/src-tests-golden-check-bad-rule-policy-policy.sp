policy "bad"
source "Doc"
reference case_id
fact case_id: text required
fact young_person.dob: date required
output eligible: bool
output route: one of a, b
rule r1 for eligible
  cites "1"
  when young_person.dbo < 2020-01-01: true
  otherwise: 5
rule r2 for route
  = c
rule r3 for eligible
  cites "x"
  = true
