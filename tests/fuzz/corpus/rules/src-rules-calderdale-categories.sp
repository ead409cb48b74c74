# The categories of Staying Put (contract section 5, calderdale): which apply,
# when each would end, which one the arrangement is granted for, and so the
# end date and eligibility.
#
# Each category is a value that is the category when it applies and null when
# it does not, so that `categories` explains itself item by item, each item
# citing its own section. Each category's end is a value too (null when the
# category does not apply), so that the choice between them shows every end
# date it compared.

# --- Which categories apply -------------------------------------------------

value disability_category: category or null
  cites "'Staying Put' Disability"
  when young_person.disability_adult_services: disability_shared_lives
    cites "'Staying Put' Disability, assessed jointly by adult services and the Pathway Team, converted into an adult placement utilising the Shared Lives Scheme"
    cites "8. Interface with Adults Services"
  otherwise: null

value higher_education_category: category or null
  cites "'Staying Put' Higher Education"
  when education.kind is higher_education: higher_education
    cites "'Staying Put' Higher Education, a 'University Arrangement' to enable young people to remain with their former foster carers to attend higher education"
  otherwise: null

# Criteria 1, 3 and 4, and the kinds of course of the section's opening
# paragraph, are tested one by one, so that the trace names the criterion a
# young person does not meet. Criterion 2 (March birthdays, two-year courses)
# and the two-year limit are not applied (contract: assumptions).
value education_training_category: category or null
  cites "'Staying Put' Education and Training"
  when education.kind is not one of (gcse, a_level, training, further_education): null
    cites "'Staying Put' Education and Training, G.C.S.E, A level, training or an equivalent full time course"
  when not education.full_time: null
    cites "'Staying Put' Education and Training, criterion 1"
  when education.course_end_date is null: null
    cites "'Staying Put' Education and Training, criterion 3"
  when education.course_end_date before eighteenth_birthday: null
    cites "'Staying Put' Education and Training, criterion 3"
  when education.left_course: null
    cites "'Staying Put' Education and Training, criterion 4"
  otherwise: education_training
    cites "'Staying Put' Education and Training, criterion 1"
    cites "'Staying Put' Education and Training, criterion 3"
    cites "'Staying Put' Education and Training, criterion 4"
    assume "Criterion 2 of 'Staying Put' Education and Training (the extension applies to young people whose 18th birthday falls in March and who are undertaking a 2 year course) is not applied: the category applies whatever the month of the 18th birthday and the length of the course"
    assume "The two-year limit of 'Staying Put' Education and Training ('up to 2 years full time education or further training', 'until around their 20th birthday') is not applied: the arrangement runs to the end the section sets after the course, capped only at the 21st birthday"

value vulnerability_category: category or null
  cites "'Staying Put' Vulnerability"
  when young_person.vulnerable: vulnerability
    cites "'Staying Put' Vulnerability, young people can be considered for 'Staying Put' due to vulnerability concerns, which must be evidenced"
  otherwise: null

value planned_move_on_category: category or null
  cites "'Staying Put' Planned move on"
  when housing.registered_and_actively_bidding: planned_move_on
    cites "'Staying Put' Planned move on, where young people are enrolled in housing and are actively bidding on properties they can be considered for 'Staying Put'"
  otherwise: null

rule categories_that_apply for categories
  cites "8. Interface with Adults Services, former relevant children who require an extended period with their former foster carer/s due to delayed maturity, vulnerability and / or in order to complete their education or training"
  = present(disability_category,
            higher_education_category,
            education_training_category,
            vulnerability_category,
            planned_move_on_category)

# --- When each category would end ------------------------------------------
# A disability arrangement converts to a Shared Lives adult placement and has
# no end date here: it needs no end value.

value higher_education_end: date or null
  cites "'Staying Put' Higher Education"
  when higher_education_category is null: null
  otherwise: twenty_first_birthday
    cites "9. Ending of Staying Put Arrangements, the young person reaches their twenty-first birthday"

value education_training_end: date or null
  cites "'Staying Put' Education and Training"
  when education_training_category is null: null
  when education.going_to_university:
    min(first 30 September on or after education.course_end_date, twenty_first_birthday)
    cites "'Staying Put' Education and Training, funding continues until the 30th September on completion or the young person's 21st birthday whichever comes first"
    cites "'Staying Put' Education and Training, criterion 5"
  otherwise: min(education.course_end_date + 1 month, twenty_first_birthday)
    cites "'Staying Put' Education and Training, criterion 5"
    cites "'Staying Put' Education and Training, the 30th September on completion or the young person's 21st birthday whichever comes first"

value vulnerability_end: date or null
  cites "'Staying Put' Vulnerability"
  when vulnerability_category is null: null
  otherwise: twenty_first_birthday
    cites "9. Ending of Staying Put Arrangements, the young person reaches their twenty-first birthday"

value planned_move_on_end: date or null
  cites "'Staying Put' Planned move on, this extension can last for a 3 month period whilst allocation of a house is identified"
  cites "9. Ending of Staying Put Arrangements, the young person reaches their twenty-first birthday"
  when planned_move_on_category is null: null
  when housing.move_on_start_date is null:
    min(eighteenth_birthday + 3 months, twenty_first_birthday)
    cites "'Staying Put' Planned move on, why the young person has not been matched with appropriate accommodation at 18"
  otherwise: min(housing.move_on_start_date + 3 months, twenty_first_birthday)

# --- The category the arrangement is granted for ---------------------------

# The latest end among the categories that apply (null when none of them
# applies, or only disability).
value latest_category_end: date or null
  cites "8. Interface with Adults Services, an extended period with their former foster carer/s"
  = latest(higher_education_end, education_training_end, vulnerability_end, planned_move_on_end)

# Disability first; else the category that ends latest, a tie going to the
# earlier category in the order of the type `category`.
rule category_by_latest_end for staying_put_category
  cites "8. Interface with Adults Services, an extended period with their former foster carer/s due to delayed maturity, vulnerability and / or in order to complete their education or training"
  when disability_category is not null: disability_shared_lives
    cites "8. Interface with Adults Services, foster placements should be converted to Adult Placements / Shared Lives Arrangements when the child reaches their eighteenth birthday"
    cites "'Staying Put' Disability"
  when latest_category_end is null: none
  when higher_education_end = latest_category_end: higher_education
    cites "'Staying Put' Higher Education"
  when education_training_end = latest_category_end: education_training
    cites "'Staying Put' Education and Training"
  when vulnerability_end = latest_category_end: vulnerability
    cites "'Staying Put' Vulnerability"
  otherwise: planned_move_on
    cites "'Staying Put' Planned move on"

# --- End date and eligibility ----------------------------------------------

rule calderdale_end_date replaces support_until_21
  cites "9. Ending of Staying Put Arrangements"
  when staying_put_category is higher_education: higher_education_end
    cites "'Staying Put' Higher Education"
  when staying_put_category is education_training: education_training_end
    cites "'Staying Put' Education and Training"
  when staying_put_category is vulnerability: vulnerability_end
    cites "'Staying Put' Vulnerability"
  when staying_put_category is planned_move_on: planned_move_on_end
    cites "'Staying Put' Planned move on"
  when staying_put_category is disability_shared_lives: null
    cites "'Staying Put' Disability, converted into an adult placement utilising the Shared Lives Scheme funded by Adult Services"
  otherwise: null

# England's test (which takes the 21st birthday when end_date is null, as for
# disability_shared_lives), and a category applies.
rule calderdale_eligibility replaces eligibility
  cites "8. Interface with Adults Services, former relevant children who require an extended period with their former foster carer/s due to delayed maturity, vulnerability and / or in order to complete their education or training"
  = base and staying_put_category is not none
