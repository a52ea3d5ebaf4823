class S:
    def __str__(self):
        return "S!"
print(S(), [S()] == [], 1.0, 2 ** 0.5, True, None, "str", b"bytes", (1,), {1: 2})
