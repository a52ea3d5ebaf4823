while True:
    pass
    break
    continue
