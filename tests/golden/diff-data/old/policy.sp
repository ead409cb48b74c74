# A small policy of its own for the golden tests of `stayput diff`: the
# folder new/ is this one with one figure changed, other/ renames an output.
policy "allowance"
version "1"
source "Allowance Policy"
reference case_id

fact case_id: text required
fact assessment_date: date required from 2000-01-01 to 2099-12-31
fact person.age: whole number required
fact person.student: bool default false
fact person.income: money default 0.00

type band: one of child, adult

table rates: money by band
  child: 50.00
  adult: 75.25
  cites "1. Rates"

figure student_supplement: money = 10.00
  cites "2. Students"

output age_band: band
output weekly_rate: money or null
output student_supplement_paid: money or null
output eligible: bool
output notes: list of text

rule band_by_age for age_band
  cites "1. Rates"
  when person.age < 18: child
  otherwise: adult

rule eligible_by_income for eligible
  cites "3. Income"
  = person.income < 100.00

rule rate for weekly_rate
  cites "1. Rates"
  when not eligible: null
  otherwise: rates[age_band]

rule supplement for student_supplement_paid
  cites "2. Students"
  when not eligible: null
  when person.student: student_supplement
  otherwise: 0.00

rule notes_for_case for notes
  cites "4. Notes"
  when person.student: ["student"]
  otherwise: []

example "An adult student"
  given
    case_id = "A-1"
    assessment_date = 2025-06-01
    person.age = 19
    person.student = true
  expect
    weekly_rate = 75.25
    student_supplement_paid = 10.00
