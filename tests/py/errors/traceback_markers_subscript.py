# A failing subscript: `~` under the value, `^` under the brackets.
config = {'a': {'b': 1}}

def lookup(key):
    return config['a'][key]

print(lookup('b'))
lookup('missing')
