# The national baseline: the Staying Put duties of local authorities in England,
# as the council policy texts reproduce them. Councils extend this policy.
policy "england"
version "2025.1"
# The national duties are cited as West Berkshire's text reproduces them
# (contract section 5): its 1. Introduction, 3. Planning, 6.3 and 10.
source "West Berkshire Staying Put"
reference case_id
