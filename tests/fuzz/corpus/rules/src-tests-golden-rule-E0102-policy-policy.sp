policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output route: text
rule route_rule for route
  cites "3. Planning
  = "panel"
