@dec
def f(): pass
@a.b.c
@d(1, x=2)
class C: pass
@x[0].y
@(lambda f: f)
@a if b else c
async def g(): pass
