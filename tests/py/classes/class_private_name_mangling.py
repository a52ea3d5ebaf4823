class A:
    def __init__(self):
        self.__secret = 1
        self._prot = 2
    def reveal(self):
        return self.__secret

a = A()
print(a.reveal(), a._prot, a._A__secret)
try:
    a.__secret
except AttributeError as e:
    print(e)
print(sorted(vars(a)))
