# Entitlement and ending: every former eligible child who was looked after
# immediately before 18 may stay, whatever their education, training or
# employment, until 21, or until an agreed course ends, unless they breach the
# agreement.

rule west_berkshire_eligibility replaces eligibility
  cites "2. Entitlement to Stay Put"
  cites "10. Ending of Staying Put Arrangements, the young person breaches the agreement"
  = base and not young_person.breached_agreement

rule west_berkshire_end_date replaces support_until_21
  cites "2. Entitlement to Stay Put"
  when education.on_agreed_programme
      and not education.left_course
      and education.course_end_date is not null
      and education.course_end_date after twenty_first_birthday:
    education.course_end_date
    cites "10. Ending of Staying Put Arrangements, on an agreed programme of education or training on their 21st birthday"
  otherwise: twenty_first_birthday
    cites "10. Ending of Staying Put Arrangements, the young person reaches their twenty-first birthday"
