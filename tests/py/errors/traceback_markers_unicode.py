# Columns are bytes in the code, characters on screen.
name = 'héllo'
result = 'wörld' + len(name)
