# Approval and planning: who approves the arrangement, the Financial Plan, and
# the dates the text sets before the 18th birthday (the Children's Resource
# Panel referral of a vulnerable young person, and, for an independent
# fostering agency placement, the rate negotiation and the three way meeting).

value sixteenth_birthday: date
  cites "6. Financial Implications, when the young person reaches the age of 16"
  = 16th birthday of young_person.date_of_birth

value seventeenth_birthday: date
  cites "'Staying Put' Vulnerability, on their 17 ½ th birthday"
  = 17th birthday of young_person.date_of_birth

# Each route is the text's for its category or placement; which route a
# category takes when several could is the contract's mapping, an assumption
# carried by every branch that names a route.
rule calderdale_approval_route replaces approval_set_by_council
  cites "3. Living Together Agreements"
  when staying_put_category is none: null
  when staying_put_category is disability_shared_lives: "adult_services_shared_lives"
    cites "'Staying Put' Disability, converted into an adult placement utilising the Shared Lives Scheme funded by Adult Services"
    cites "8. Interface with Adults Services"
    assume "The mapping of categories to approval routes: a young person assessed jointly with adult services (disability_shared_lives) is approved through Adult Services' Shared Lives Scheme, whoever provides the placement"
  when placement.provider is independent_fostering_agency: "childrens_resource_panel"
    cites "3. Living Together Agreements, arrangements where the young person is placed with an Independent Fostering Agency will be considered and approved by the Resource Panel"
    cites "'Staying Put' Education and Training, criterion 7"
    assume "The mapping of categories to approval routes: every arrangement with an independent fostering agency placement, other than disability_shared_lives, is approved by the Children's Resource Panel"
  when staying_put_category is vulnerability: "childrens_resource_panel"
    cites "'Staying Put' Vulnerability, young people who are classed as vulnerable should be referred to Children's Resource Panel"
    assume "The mapping of categories to approval routes: an arrangement for vulnerability is approved by the Children's Resource Panel (to which the text refers the young person at 17 and a half), even with a local authority placement"
  when staying_put_category is planned_move_on: "childrens_resource_panel"
    cites "'Staying Put' Planned move on, the Children's Resources Panel will need a clear report"
    assume "The mapping of categories to approval routes: an arrangement for a planned move on is approved by the Children's Resource Panel (which the text says needs a clear report), even with a local authority placement"
  otherwise: "manager_pathway_team"
    cites "3. Living Together Agreements, arrangements where the young person is looked after in a Calderdale foster placement are agreed by the Manager, Pathway Team"
    cites "'Staying Put' Education and Training, criterion 7"
    assume "The mapping of categories to approval routes: an arrangement for education and training or higher education with a local authority (Calderdale) placement is approved by the Manager, Pathway Team"

rule financial_plan_for_calderdale_placements for financial_plan_required
  cites "3. Living Together Agreements, all arrangements will have a Financial Plan completed by the allocated Pathway Worker and approved by the Manager, Pathway Team"
  when placement.provider is independent_fostering_agency: false
    cites "6. Financial Implications, for young people within Independent Fostering agency placements negotiations around rate to be paid"
  when not eligible: false
  when staying_put_category is disability_shared_lives: false
    cites "'Staying Put' Disability, an adult placement utilising the Shared Lives Scheme funded by Adult Services"
  otherwise: true
    cites "'Staying Put' Education and Training, criterion 7"

rule vulnerable_panel_referral for panel_referral_due_by
  cites "'Staying Put' Vulnerability, young people who are classed as vulnerable should be referred to Children's Resource Panel on their 17 ½ th birthday"
  when young_person.vulnerable: seventeenth_birthday + 6 months
  otherwise: null

rule ifa_three_way_meeting for three_way_meeting_due_by
  cites "Independent Fostering Agencies, a three way meeting should be held between the agency, the Local Authority and the Pathway Team a minimum of 6 months prior to the Young Person turning 18"
  when placement.provider is independent_fostering_agency: eighteenth_birthday - 6 months
  otherwise: null

rule ifa_rate_negotiation for rate_negotiation_from
  cites "6. Financial Implications, for young people within Independent Fostering agency placements negotiations around rate to be paid should begin when the young person reaches the age of 16"
  when placement.provider is independent_fostering_agency: sixteenth_birthday
  otherwise: null
