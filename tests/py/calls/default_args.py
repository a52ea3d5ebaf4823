def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("World"))
print(greet("World", "Hi"))
print(greet("World", punct="?"))
print(greet.__defaults__)
