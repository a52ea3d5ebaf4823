def f():
    out = []
    try:
        out.append("try")
        return out
    finally:
        out.append("finally")

print(f())

def g(n):
    try:
        if n:
            raise ValueError
        return "no error"
    except ValueError:
        return "handled"
    finally:
        print("cleanup", n)

print(g(0), g(1))
