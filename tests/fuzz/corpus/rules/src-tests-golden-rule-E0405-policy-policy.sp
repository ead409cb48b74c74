policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output notice_days: whole number
rule notice for notice_days
  = 28
