async def f():
    await x ** 2
    -await x
    await x.y()[0]
