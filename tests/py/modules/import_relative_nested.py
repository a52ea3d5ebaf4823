from pkg.inner import deep
print(deep.info())
from pkg.inner.deep import info
print(info() == deep.info(), deep.__name__, deep.__package__)
import sys
print(sorted(m for m in sys.modules if m.startswith("pkg")))
