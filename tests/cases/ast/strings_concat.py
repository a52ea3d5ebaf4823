'a' 'b'
'a' "b" '''c'''
('line one '
 'line two')
u'x' 'y'
'x' u'y'
