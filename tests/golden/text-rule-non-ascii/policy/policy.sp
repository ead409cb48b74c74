policy "demo"
version "1"
source "A café policy of the tests"

fact price: money required

output paÿ: money

rule pay_by_nights for pay
  cites “1. Pay”
  = price * 2

example "two at 2.50"
  given price = 2.50
  expect pay = 5.00
