policy "top"
version "2"
source "Doc"
extends "base"

# the rule of base, moved here: the same line of a file of the same name

rule grown for adult
  cites "1. Ages"
  = age >= 18
