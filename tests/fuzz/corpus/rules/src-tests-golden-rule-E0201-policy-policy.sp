policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
figure rate: money = 138.88
  cites "6.1 Allowances"
figure rate: money = 140.00
  cites "6.1 Allowances"
output total: money
rule total_rule for total
  cites "6.1 Allowances"
  = rate
