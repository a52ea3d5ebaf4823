[y for x in data if (y := f(x))]
any((w := v) for v in vs)
