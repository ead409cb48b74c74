# The types and outputs Calderdale adds to the national ones (contract
# section 5), in the order of the decision.

# The categories of Staying Put, in the order the contract ranks them: a tie
# between two categories' end dates goes to the earlier one.
type category: one of disability_shared_lives, higher_education, education_training, vulnerability, planned_move_on

# The category chosen for the arrangement, or none when no category applies.
type chosen_category: one of none, disability_shared_lives, higher_education, education_training, vulnerability, planned_move_on

output categories: list of category
  "every category of Staying Put that applies, in the order disability_shared_lives, higher_education, education_training, vulnerability, planned_move_on"
output staying_put_category: chosen_category
  "the category the arrangement is granted for: disability_shared_lives when it applies, else the one that ends latest (a tie to the earlier), none when none applies"
output financial_plan_required: bool
  "a Financial Plan is completed by the Pathway Worker and approved by the Manager, Pathway Team"
output panel_referral_due_by: date or null
  "a vulnerable young person is referred to the Children's Resource Panel on this day (17 and a half)"
output three_way_meeting_due_by: date or null
  "the three way meeting (agency, local authority, Pathway Team) is held by this day (six months before the 18th birthday)"
output rate_negotiation_from: date or null
  "negotiations with the independent fostering agency on the rate begin on this day (the 16th birthday)"
output converts_to_shared_lives: bool
  "the arrangement converts to a Shared Lives adult placement funded by Adult Services"
output council_tax_invisible: bool
  "the young person is invisible for council tax (full-time education)"
