policy "base"
version "1"
source "Doc"

fact age: whole number required
output adult: bool
