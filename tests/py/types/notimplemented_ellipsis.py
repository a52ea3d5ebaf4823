print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, ..., ... is Ellipsis, type(...).__name__)
print(bool(...))
print((1).__add__("x"), (1).__eq__("x"))
