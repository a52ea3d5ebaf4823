import sys
print(sys.argv[0], len(sys.argv))
print(isinstance(sys.path, list), "sys" in sys.modules, "builtins" in sys.modules)
print(sys.getrecursionlimit())
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.version_info[:2] >= (3, 11))
print(sys.getrefcount(object()))
print(type(sys.stdout).__name__ != "", sys.platform != "")
