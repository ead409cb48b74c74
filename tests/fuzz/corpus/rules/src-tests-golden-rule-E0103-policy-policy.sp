policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output eligible: bool
rule eligibility for eligible
  cites "2. Entitlement"
  = assessment_date < 2026-02-30
