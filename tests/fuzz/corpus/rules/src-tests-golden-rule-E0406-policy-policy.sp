policy "demo"
reference case_id
fact case_id: text required
output notice_days: whole number
rule notice for notice_days
  cites "10. Ending"
  = 28
