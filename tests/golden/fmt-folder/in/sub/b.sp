figure  f: money=1.00   cites "x"
