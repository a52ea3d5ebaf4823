# A subclass's own __new__ that calls the builtin __new__ (directly or
# through super()) gets an instance of the subclass, with the value the
# builtin made.
class Celsius(float):
    def __new__(cls, degrees):
        return super().__new__(cls, round(degrees, 1))

    def __repr__(self):
        return f'{float(self)}°C'

class Upper(str):
    def __new__(cls, text):
        return str.__new__(cls, text.upper())

class Even(int):
    def __new__(cls, n):
        return super().__new__(cls, n - n % 2)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

class Stack(list):
    pass

c = Celsius(21.04)
u = Upper('shout')
e = Even(7)
p = Pair(1, 2)
s = list.__new__(Stack)
for v in (c, u, e, p, s):
    print(type(v).__name__, repr(v), isinstance(v, type(v).__mro__[1]))
print(c + 1, u + '!', e * 2, p + (3,), e == 6, hash(e) == hash(6))
print(type(int.__new__(Even, '12')).__name__, int.__new__(Even, '12'))
print(type(str.__new__(Upper)).__name__, repr(str.__new__(Upper)))
print(type(float.__new__(Celsius, '2.5')).__name__)
try:
    int.__new__(str, 1)
except TypeError as err:
    print(err)
