policy "base"
version "1"
source "Doc"

fact age: whole number required
output adult: bool

rule grown for adult
  cites "1. Ages"
  = age >= 18
