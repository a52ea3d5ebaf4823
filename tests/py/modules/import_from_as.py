from pkg import sub as s
print(s.NAME, s.quadruple(2), s.__name__)
from pkg.sub import quadruple as q, NAME
print(q(5), NAME)
import pkg.helpers as h
print(h.double(4), h.__name__)
