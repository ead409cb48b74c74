example "Studying adds a year"
  given
    ref = "T1"
    asof = 2025-06-01
    born = 2006-06-01
    studying = true
    pay = [10.01, 10.00]
  expect
    age = 19
    old_enough = true
    ends = 2028-06-01
    amount = 5.00

example "Under 18: no amount"
  given
    ref = "T2"
    asof = 2025-06-01
    born = 2008-06-02
  expect
    old_enough = false
    amount = null
