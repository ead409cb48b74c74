policy "demo"
version "1"
source "A policy of the tests"

fact price: money required
fact count: whole number default 0

output pay: money

rule pay_by_nights for pay
  cites "1. Pay"
  = price * 2

example "two at 2.50"
  given price = 2.50
  expect pay = 5.00
