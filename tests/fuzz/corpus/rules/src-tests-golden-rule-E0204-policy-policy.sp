policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
fact education.kind: one of none, gcse, a_level default none
output studying: bool
rule studying_rule for studying
  cites "7. University"
  = education.kind is a_levels
