# Setting or deleting the attributes builtin objects compute gives
# CPython's errors: member descriptors say "readonly attribute", getset
# descriptors "is not writable", and __class__ cannot be deleted.
class Plain:
    pass

attempts = [
    ('set (1j).real', lambda: setattr(1j, 'real', 2.0)),
    ('del (1j).imag', lambda: delattr(1j, 'imag')),
    ('set range.start', lambda: setattr(range(3), 'start', 1)),
    ('del slice.stop', lambda: delattr(slice(1, 2), 'stop')),
    ('set (1).real', lambda: setattr(1, 'real', 2)),
    ('del (1).numerator', lambda: delattr(1, 'numerator')),
    ('del (2.5).imag', lambda: delattr(2.5, 'imag')),
    ('del instance __class__', lambda: delattr(Plain(), '__class__')),
    ('del str __class__', lambda: delattr('a', '__class__')),
    ('del class __class__', lambda: delattr(Plain, '__class__')),
    ('del int.__class__', lambda: delattr(int, '__class__')),
    ('del missing', lambda: delattr(Plain(), 'missing')),
]
for what, attempt in attempts:
    try:
        attempt()
        print(what, 'allowed')
    except (AttributeError, TypeError) as e:
        print(what, '->', type(e).__name__, e)
p = Plain()
p.x = 1
del p.x
print(hasattr(p, 'x'), (1j).real, range(3).start, slice(1, 2).stop)
