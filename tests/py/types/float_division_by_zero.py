for expr in ("1.0 / 0", "1 / 0.0", "1.0 // 0.0", "1.0 % 0.0", "0.0 / 0.0"):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", e)
print(divmod(7.5, 2), divmod(-7.5, 2))
