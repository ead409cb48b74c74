# Safeguarding: a young person who stays on in a household where foster
# children live becomes an adult member of a fostering household and needs a
# Disclosure and Barring Service check by their 18th birthday.

rule dbs_check_by_18 for dbs_check_due_by
  cites "3. Planning, Where Foster Children are Living in the Staying Put Arrangement"
  when placement.foster_children_in_household: eighteenth_birthday
  otherwise: null
