policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output notice_days: whole number
rule notice for notice_days
  cites "10. Ending"
  = 28
rule shorter replaces notices
  cites "10. Ending"
  = 7
