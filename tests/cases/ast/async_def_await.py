async def f():
    await g()
    x = await h
    return await i(await j)
