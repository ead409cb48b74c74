# Who can stay put, and until when: the national duty to support a former
# relevant child who stays in the foster home they were in immediately before
# 18, until they reach 21.

rule support_until_21 for end_date
  cites "1. Introduction"
  cites "10. Ending of Staying Put Arrangements"
  = twenty_first_birthday

# A council's own end_date is read here (replacement is late-bound). A council
# whose end_date can be null (no end date) takes the 21st birthday for the
# date test.
rule eligibility for eligible
  cites "1. Introduction"
  cites "3. Planning"
  cites "10. Ending of Staying Put Arrangements"
  = young_person.looked_after_immediately_before_18
      and young_person.wishes_to_stay_put
      and placement.carer_agrees
      and not young_person.left_arrangement
      and assessment_date before (if end_date is null then twenty_first_birthday else end_date)
