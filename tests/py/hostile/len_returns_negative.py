class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print(e)
class NotInt:
    def __len__(self):
        return "3"
try:
    len(NotInt())
except TypeError as e:
    print(e)
class Huge:
    def __len__(self):
        return 2 ** 70
try:
    len(Huge())
except OverflowError as e:
    print(e)
