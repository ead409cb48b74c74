# The facts of a case (contract section 3): every key a case may hold, with its
# type, its default or `required`, and what it means.

fact case_id: text required
  "the case's reference"
fact assessment_date: date required from 2000-01-01 to 2099-12-31
  "the date the decision is taken as of"

# The young person
fact young_person.date_of_birth: date required
  "the young person's date of birth"
fact young_person.looked_after_immediately_before_18: bool required
  "18 or over: looked after immediately before the 18th birthday, in this foster home; under 18: currently looked after there"
fact young_person.wishes_to_stay_put: bool default true
  "the young person wishes to stay put"
fact young_person.left_arrangement: bool default false
  "has left the Staying Put arrangement"
fact young_person.returned_after_leaving: bool default false
  "left after 18 and came back (or moved to another carer)"
fact young_person.breached_agreement: bool default false
  "has breached the Staying Put agreement"
fact young_person.vulnerable: bool default false
  "evidenced vulnerability concerns"
fact young_person.disability_adult_services: bool default false
  "assessed jointly with adult services as meeting their criteria"
fact young_person.weekly_income: list of money default [] at most 6
  "total weekly income (wages, benefits, DLA), most recent weeks, at most 6"
fact young_person.can_claim_lha: bool default true
  "can claim Local Housing Allowance / Housing Benefit"

# Education and training
fact education.full_time: bool default false
  "in full-time education"
fact education.kind: one of none, gcse, a_level, training, further_education, higher_education default none
  "the course attended"
fact education.course_end_date: date or null default null
  "expected (or actual) completion of the course"
fact education.on_agreed_programme: bool default false
  "on an agreed programme of education or training"
fact education.going_to_university: bool default false
  "going to university"
fact education.left_course: bool default false
  "has left the course"
fact education.university_vacation: bool default false
  "at university and returning to the carers for the vacation"

# Housing
fact housing.registered_and_actively_bidding: bool default false
  "registered for social housing and actively bidding"
fact housing.move_on_start_date: date or null default null
  "start of a planned move-on extension"

# The placement and the arrangement
fact placement.provider: one of local_authority, independent_fostering_agency required
  "who provides the foster placement"
fact placement.kinship: bool default false
  "placement with relatives or friends"
fact placement.carer_agrees: bool default true
  "the carer agrees to the arrangement"
fact placement.foster_children_in_household: bool default false
  "foster children live in the household"
fact placement.start_date: date or null default null
  "start of the Staying Put arrangement; null means the 18th birthday"
fact placement.last_review_date: date or null default null
  "date of the last review of the arrangement"
fact placement.all_payments_under_section_23c: bool default true
  "every payment to the carer is made under section 23C"

# The carers
fact carer.means_tested_benefits: bool default false
  "the carers receive means-tested benefits"
fact carer.pension_credit: bool default false
  "the carers receive Pension Credit"
fact carer.housing_benefit_for_own_rent: bool default false
  "the carers receive means-tested help with their own rent"
