(x): int
(y): int = 2
a.b: str
a[0]: float = 1.0
