policy "other"
source "Demo Policy"
reference case_id
fact case_id: text required
