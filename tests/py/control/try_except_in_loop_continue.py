results = []
for s in ["1", "x", "3", "", "5"]:
    try:
        n = int(s)
    except ValueError:
        results.append(None)
        continue
    else:
        results.append(n * 10)
    finally:
        results.append("|")
print(results)
