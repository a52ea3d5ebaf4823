x: int
y: int = 1
z: list[int] = []
