@(d := decorator)
def f(): pass
@buttons[0].clicked.connect
def g(): pass
