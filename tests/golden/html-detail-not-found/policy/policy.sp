# Citations whose detail the cited section does not hold: a numbered item it
# has not, a figure it does not state, a passage of other words; the report
# warns of each and quotes the closest passage (or the section). The first
# citation is found, and is quoted without a warning.
policy "detail"
version "1"
source "Demo Policy"
reference ref

fact ref: text required

output named: bool

rule named for named
  cites "1. Ages, a birthday counts on its own day"
  cites "1. Ages, criterion 9"
  cites "2. Ends, support ends on the 25th birthday"
  cites "3. Money, payment table, Adult 12.00"
  cites "3. Money, monthly pension arrears for grandparents"
  = ref != ""
