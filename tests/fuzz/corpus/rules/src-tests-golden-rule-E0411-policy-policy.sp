source "Demo Policy"
output notice_days: whole number
rule notice for notice_days
  cites "10. Ending"
  = 28
