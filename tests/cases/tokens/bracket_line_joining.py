x = (1,
     2,

  3)
y = [
    a,
# comment
    b,
]
z = {k:
 v}
