# The facts of a bench case: the flat keys gen.py writes, every one required.

fact case_id: text required
  "the case's reference"
fact assessment_date: date required
  "the date the decision is taken as of"
fact date_of_birth: date required
  "the young person's date of birth"
fact weekly_income: list of money required
  "the young person's weekly income, one amount a week"
fact can_claim_lha: bool required
  "the young person can claim Local Housing Allowance"
fact university_vacation: bool required
  "at university and home for the vacation"
