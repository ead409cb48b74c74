# The young person's age and the birthdays the duties turn on (contract
# section 4: a 29 February birthday falls on 1 March in a common year).

value age: whole number
  cites "1. Introduction"
  = age(young_person.date_of_birth, assessment_date)

value eighteenth_birthday: date
  cites "1. Introduction"
  = 18th birthday of young_person.date_of_birth

value twenty_first_birthday: date
  cites "1. Introduction"
  = 21st birthday of young_person.date_of_birth
