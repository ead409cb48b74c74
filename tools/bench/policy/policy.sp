# The shared bench job (/work/shared/bench/README.md, "The job"), written as a
# stayput policy of its own: a simplified West Berkshire sliding scale over
# flat cases. It is not the contract's West Berkshire policy (rules/): its
# facts are the bench's flat keys and its outputs the five the bench compares.
# Every clause cited is a line of that README's "The job" section.
policy "bench"
version "2025.1"
source "stayput bench job"
reference case_id
