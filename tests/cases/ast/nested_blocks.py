def f():
    for i in x:
        while i:
            if i:
                with a:
                    try:
                        pass
                    except E:
                        class C:
                            def g(self):
                                return lambda: [y for y in i]
