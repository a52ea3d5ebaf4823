class Zero:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Plain:
    pass
for o in (Zero(), Empty(), Full(), Plain()):
    print(type(o).__name__, bool(o), "yes" if o else "no")
