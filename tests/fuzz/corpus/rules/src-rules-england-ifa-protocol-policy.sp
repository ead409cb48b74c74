# The England guidance on joint protocols between local authorities and
# independent fostering providers (IFAs): what a joint protocol and a working
# together agreement must cover, and the commissioning recommendations. A case
# here is a protocol and its agreements, not a young person: this policy
# declares its own facts and does not extend england.
policy "england-ifa-protocol"
version "2025.1"
source "England: Working agreements and commissioning"
reference case_id
