policy "broken"
source "Demo Policy"
reference ref
fact ref: text required
output x: bool
rule r for x
  = true
