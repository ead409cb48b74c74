# What an england decision reports (contract section 5), in the order of the
# decision. The rules that decide them are in dates.sp, eligibility.sp,
# safeguarding.sp, benefits.sp and council.sp.

output eligible: bool
  "whether the young person can stay put (under 18: would qualify at 18 on the facts as they stand)"
output end_date: date or null
  "the day the Staying Put arrangement ends"
output dbs_check_due_by: date or null
  "the day the young person's Disclosure and Barring Service check must be complete"
output means_tested_disregard: one of none, whole, section_23c_only or null
  "how much of the payments to the carer is disregarded for their means-tested benefits: none, whole or section_23c_only"
output approval_route: text or null
  "who approves the arrangement (each council names its own routes)"
output weekly_total_to_carer: money or null
  "the total weekly package paid to the carer"
output notice_days: whole number or null
  "the notice, in days, for ending the arrangement"
output expected_to_claim_housing_benefit: bool
  "whether the young person is expected to claim Housing Benefit towards the arrangement"
