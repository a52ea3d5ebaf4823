x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 > 2)
print(0 == 0 == 0, 0 == 0 != 1, 3 > 2 == 2)

def v(n):
    print("eval", n)
    return n
print(v(1) < v(0) < v(2))
print(v(1) < v(2) < v(3))
print("a" < "b" <= "b" in "abc")
