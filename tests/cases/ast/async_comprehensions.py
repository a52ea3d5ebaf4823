async def f():
    [x async for x in y]
    {x async for x in y if await x}
    {k: v async for k, v in z}
    (x async for x in y)
    [await x for x in y]
