# A messy rule file.
policy "p"
fact young_person.date_of_birth: date required
  "born"
output band: one of a, b or null

rule band_by_age for band
  cites "1. Bands"
  when age(young_person.date_of_birth, 2025-01-01) < 18
      and young_person.date_of_birth after 2000-01-01
      and 1 = 1
      and true:
    a # young
  otherwise: b

example "a child"
  given
    young_person.date_of_birth = 2010-01-01
  expect
    band = a
