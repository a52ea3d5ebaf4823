import string
print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, repr(string.whitespace))
print(len(string.punctuation), len(string.printable))
print(string.capwords("hello   big world"))
print(string.Template("$who likes ${what}").substitute(who="tim", what="tea"))
