policy "p"

rule r for o
  cites "x"
  when a b: c
  otherwise: d
