from ..sub import quadruple
from .. import VERSION

def info():
    return "deep " + VERSION + " " + str(quadruple(1))
