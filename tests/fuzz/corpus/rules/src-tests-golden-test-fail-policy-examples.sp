example "Passes"
  given
    ref = "T1"
    asof = 2025-06-01
    born = 2006-06-01
  expect
    ends = 2027-06-01

example "Expects the wrong end and amount"
  given
    ref = "T2"
    asof = 2025-06-01
    born = 2006-06-01
    pay = [3.00]
  expect
    ends = 2028-06-01
    amount = 1.00

example "Gives no birth date"
  given
    ref = "T3"
    asof = 2025-06-01
  expect
    old_enough = false
