import pkg
print(pkg.VERSION, pkg.double(21), pkg.__name__)
import pkg.sub
print(pkg.sub.NAME, pkg.sub.quadruple(3))
import pkg.sub
print("second import did not re-run")
