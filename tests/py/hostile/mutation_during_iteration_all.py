# Changing a container's size while a loop walks it.
def attempt(label, f):
    try:
        print(label, "->", f())
    except RuntimeError as e:
        print(label, "!", e)

def dict_add():
    d = {1: 1}
    for k in d:
        d[k + 10] = 0
def dict_pop():
    d = {1: 1, 2: 2}
    for k in d:
        d.pop(k)
def dict_values_add():
    d = {1: 1}
    for v in d.values():
        d[v + 1] = 0
def dict_items_clear():
    d = {1: 1, 2: 2}
    for kv in d.items():
        d.clear()
def dict_replace_value():
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = k * 10
    return d
def set_add():
    s = {1}
    for x in s:
        s.add(x + 1)
def set_discard():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
def list_append_bounded():
    l = [1, 2, 3]
    for x in l:
        if len(l) < 6:
            l.append(x * 10)
    return l
def list_remove():
    l = [1, 2, 3, 4]
    for x in l:
        l.remove(x)
    return l

for f in (dict_add, dict_pop, dict_values_add, dict_items_clear, dict_replace_value,
          set_add, set_discard, list_append_bounded, list_remove):
    attempt(f.__name__, f)
d = {1: 1}
it = iter(d)
d[2] = 2
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)
