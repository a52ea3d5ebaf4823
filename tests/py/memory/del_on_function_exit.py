class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("released", self.n)

def use():
    r = Res(1)
    print("using", r.n)
    return "result"

print(use())
def keep():
    return Res(2)
k = keep()
print("kept", k.n)
k = None
print("end")
