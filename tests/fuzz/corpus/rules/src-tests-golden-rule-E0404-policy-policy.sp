policy "demo"
source "Demo Policy"
reference case_id
fact case_id: text required
fact assessment_date: date required
output end_date: date
output eligible: bool
rule ends for end_date
  cites "2. Entitlement"
  when eligible: assessment_date + 1 year
  otherwise: assessment_date
rule eligibility for eligible
  cites "2. Entitlement"
  = assessment_date < end_date
