policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
table payments: money by band
  under_18: 373.59
  cites "6.1 Allowances"
output total: money
rule total_rule for total
  cites "6.1 Allowances"
  = 0.00
