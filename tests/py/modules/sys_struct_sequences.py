# sys.version_info, float_info, int_info and hash_info: tuples whose items
# are also read by name, printed as CPython prints them.
import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.releaselevel)
print(type(sys.version_info).__name__, isinstance(sys.version_info, tuple), len(sys.version_info))
print(sys.float_info)
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.float_info[0])
print(sys.int_info)
print(sys.hash_info)
print(sys.maxunicode, hex(sys.hexversion)[:5], sys.hash_info.modulus == 2**61 - 1)
print(type(sys.float_info).n_fields, sys.float_info.n_sequence_fields, type(sys.version_info).__match_args__)
major, minor, *_ = sys.version_info
print(major)
try:
    sys.float_info.nope
except AttributeError as e:
    print("AttributeError:", e)
match sys.version_info:
    case (3, minor, *_):
        print("three", minor > 5)
