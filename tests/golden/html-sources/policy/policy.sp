# The demo policy of eval-json, citing its texts in every way a report quotes
# them: a section, a list item by its words, a numbered detail, a table by its
# caption, a heading that is not there, another document, a missing document,
# and a clause cited again (quoted once).
policy "demo"
version "1"
source "Demo Policy"
reference ref

fact ref: text required
fact asof: date required
fact born: date required
fact pay: list of money default [] at most 3
fact studying: bool default false

output old_enough: bool
output ends: date
output amount: money or null "half the mean pay, each week"

value age: whole number
  cites "1. Ages, a birthday counts on its own day"
  = age(born, asof)

rule adult for old_enough
  cites "1. Ages"
  = age >= 18 and asof before ends

rule until_21 for ends
  cites "2. Ends"
  when studying: 22nd birthday of born
    cites "2.1 Education, it ends when the course ends" in "Demo Guidance"
    assume "a course adds a year"
  otherwise: 21st birthday of born

rule half_mean for amount
  cites "1. Ages"
  cites "3. Money, payment table"
  cites "Payments, half the mean weekly pay rounded once"
  cites "9. Appeals"
  cites "4. Other" in "Demo Missing"
  when not old_enough: null
  otherwise: (mean(pay) / 2) rounded to penny half up
    assume "half the mean, rounded once"
