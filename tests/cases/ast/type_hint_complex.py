def f(x: 'Foo' = None, *, y: Callable[[int], str] = lambda a: str(a)) -> dict[str, list[int]]:
    pass
x: Callable[..., int]
