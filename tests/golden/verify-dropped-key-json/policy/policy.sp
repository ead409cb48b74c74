policy "receipt-demo"
version "1"
source "Demo Policy"
reference ref

# Facts declared out of their groups' order: the receipt nests them by dotted
# name, each group at the place of its first fact.
fact ref: text required
fact asof: date required from 2000-01-01 to 2099-12-31
fact person.born: date required
fact person.pay: list of money default [] at most 3
fact course.kind: one of none, school, college default none
fact course.ends: date or null default null
fact person.studying: bool default false
fact person.weeks: whole number default 4

figure flat: money = 5.00
  cites "3. Money"

output old_enough: bool
output weekly: money or null
output until: date or null
output kind: text

rule adult for old_enough
  cites "1. Ages"
  = age(person.born, asof) >= 18

rule half_mean for weekly
  cites "3. Money"
  when not old_enough: null
  otherwise: (mean(person.pay) / 2 + flat) rounded to penny half up
    assume "half the mean and the flat rate, rounded once"

rule course_end for until
  cites "2. Courses"
  when person.studying: course.ends
  otherwise: null

rule course_kind for kind
  cites "2. Courses"
  when course.kind = college: "college"
  otherwise: "other"
