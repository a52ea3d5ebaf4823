from a import b
from a.b import c as d, e
from a import (b,
    c as d,
)
from a import *
