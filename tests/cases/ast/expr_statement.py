f()
x
1
'doc'
