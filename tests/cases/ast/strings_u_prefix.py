u'unicode'
U'upper'
u'x' u'y'
