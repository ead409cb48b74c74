policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
fact young_person.weekly_income: list of money default []
output income: money
rule income_rule for income
  cites "6.2 Contributions"
  = mean(young_person.weekly_income, 2)
