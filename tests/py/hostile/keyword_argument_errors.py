# Unknown or unwanted keyword arguments to builtin functions and methods
# give CPython's messages (Argument Clinic's wording for most methods).
calls = [
    lambda: 'a b'.split(sepx=' '),
    lambda: 'a b'.split(maxsplitx=1),
    lambda: 'a'.splitlines(x=1),
    lambda: b'a b'.split(sepx=b' '),
    lambda: b'a'.decode(x=1),
    lambda: dict.fromkeys([1], x=2),
    lambda: {}.fromkeys([1], value=2),
    lambda: [1].index(1, x=2),
    lambda: (1,).index(1, x=2),
    lambda: 'a'.replace('a', 'b', countx=1),
    lambda: print(1, sepx=' '),
    lambda: sorted([], keyx=len),
    lambda: len([], x=1),
    lambda: 1 in 5,
    lambda: 'a' in ['a'] in 3,
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(dict.fromkeys('ab', 0), 'b' in 'abc', 2 in {2: 1})
