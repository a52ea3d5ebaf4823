...
x = a.b.c
from ... import y
from .... import z
from . import w
