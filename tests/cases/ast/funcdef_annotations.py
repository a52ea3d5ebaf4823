def f(a: int, b: str = 'x', *args: int, c: bool, **kw: dict) -> None:
    pass
def g(*args: *Ts):
    pass
