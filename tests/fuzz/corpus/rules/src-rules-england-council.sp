# What each council settles for itself: the national baseline leaves these
# open (contract section 5: null, set by councils).

rule approval_set_by_council for approval_route
  cites "3. Planning"
  = null

rule allowance_set_by_council for weekly_total_to_carer
  cites "6. Financial Implications"
  = null

rule notice_set_by_council for notice_days
  cites "10. Ending of Staying Put Arrangements"
  = null
