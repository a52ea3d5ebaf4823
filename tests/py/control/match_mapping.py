def f(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click {x},{y}"
        case {"type": "key", "key": k, **rest}:
            return f"key {k} rest={sorted(rest)}"
        case {"type": t}:
            return "other " + t
        case _:
            return "not an event"

print(f({"type": "click", "pos": (1, 2)}))
print(f({"type": "key", "key": "q", "ctrl": True, "alt": False}))
print(f({"type": "scroll", "extra": 1}))
print(f([1]))
