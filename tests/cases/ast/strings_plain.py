'a'
"b"
''
'''triple
quoted'''
"""also
triple"""
'it\'s'
