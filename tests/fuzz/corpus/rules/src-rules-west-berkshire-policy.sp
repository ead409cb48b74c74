# West Berkshire's Staying Put procedure: entitlement for every former eligible
# child, the planning timeline, the annual payments table, the young person's
# contribution, the carers' benefit groups, reviews, notice and ending.
policy "west-berkshire"
version "2025.1"
extends "england"
source "West Berkshire Staying Put"
