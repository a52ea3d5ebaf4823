a.match
a.case
a._
match.match = case.case
