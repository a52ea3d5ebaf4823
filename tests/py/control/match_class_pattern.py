class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point():
            return "elsewhere"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return "string " + s

for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), 7, 2.5, "hi"):
    print(where(p))
