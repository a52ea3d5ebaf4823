with (a, b)[0]:
    pass
with (a)(b) as c:
    pass
with (a, b) as c, d:
    pass
with (a + b) * c as d:
    pass
with (a, *b):
    pass
