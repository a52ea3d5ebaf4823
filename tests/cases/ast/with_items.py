with a:
    pass
with a as b, c as d:
    pass
with a() as (b, c), d:
    pass
with a as b.c, e as f[0]:
    pass
