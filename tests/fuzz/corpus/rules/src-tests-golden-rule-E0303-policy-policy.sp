policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output total: money
rule total_rule for total
  cites "6.1 Allowances"
  = 10.005 rounded to penny nearest
