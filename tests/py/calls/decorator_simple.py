def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("bob"))
print(hello.__name__)
