# Attribute loads, method lookups and stores mark the attribute.
class Point:
    __slots__ = ('x',)

p = Point()
p.x = 1
print(p.x)
try:
    p.y = 2
except AttributeError as e:
    print(e)
name = 'abc'
result = (name
          .upper()
          .missing())
