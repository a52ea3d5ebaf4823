s = """abc

x
