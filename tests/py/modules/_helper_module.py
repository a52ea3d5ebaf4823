"""A plain module next to the scripts (a support file, not a test)."""
print("_helper_module imported")
counter = 0

def bump():
    global counter
    counter += 1
    return counter
