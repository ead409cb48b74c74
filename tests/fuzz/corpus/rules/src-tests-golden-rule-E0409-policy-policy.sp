policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
type band: one of under_18, 18_19, 19_20
table payments: money by band
  under_18: 373.59
  18_19: 326.79
  cites "6.1 Allowances"
output total: money
rule total_rule for total
  cites "6.1 Allowances"
  = payments[18_19]
