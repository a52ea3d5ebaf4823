class Src:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
print([x * 2 for x in Src()])
print({x: x for x in Src()})
print(sum(x for x in Src()))
