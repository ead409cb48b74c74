# Calderdale's Staying Put policy: Staying Put granted for a purpose (a
# category: disability and Shared Lives, higher education, education and
# training, vulnerability, planned move on), the routes of approval, the
# baseline rate, the independent fostering agency timetable, and the young
# person's benefits.
policy "calderdale"
version "2025.1"
extends "england"
source "Calderdale Staying Put Policy"
