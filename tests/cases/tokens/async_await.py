async def f():
    await g()
    async for x in y:
        pass
    async with a as b:
        pass
