# Huge byte sizes raise MemoryError/OverflowError; __index__ that shrinks a bytearray mid-operation.
for f in [lambda: bytes(10**15), lambda: b"ab" * 10**15, lambda: b"x".center(10**15), lambda: b"1".zfill(10**15),
          lambda: b"\t".expandtabs(10**15), lambda: (1).to_bytes(10**15, "big"), lambda: bytearray(10**15),
          lambda: bytes(10**20), lambda: b"x".ljust(-5), lambda: bytes(-10**20)]:
    try:
        print(len(f()))
    except (MemoryError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class Shrinker:
    def __init__(self, ba):
        self.ba = ba
    def __index__(self):
        self.ba.clear()
        return 0
def get(ba): return ba[Shrinker(ba)]
def put(ba): ba[Shrinker(ba)] = 1
def delete(ba): del ba[Shrinker(ba)]
def pop(ba): return ba.pop(Shrinker(ba))
for op in [get, put, delete, pop]:
    ba = bytearray(b"abc")
    try:
        op(ba)
    except IndexError as e:
        print(op.__name__, "IndexError:", e, ba)
