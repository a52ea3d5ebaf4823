'''one
two
three'''
"""a "quote" inside
"""
x = '''''' + """"""
