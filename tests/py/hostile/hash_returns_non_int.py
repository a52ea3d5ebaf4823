class H:
    def __hash__(self):
        return "not an int"
try:
    hash(H())
except TypeError as e:
    print(e)
try:
    {H(): 1}
except TypeError as e:
    print(e)
class Big:
    def __hash__(self):
        return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
