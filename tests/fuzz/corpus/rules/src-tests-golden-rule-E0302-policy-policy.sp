policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
figure rate: money = 138.88
  cites "6.1 Allowances"
rule rate_rule for rate
  cites "6.1 Allowances"
  = 140.00
