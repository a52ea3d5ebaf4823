'single'
"double"
'it\'s'
"say \"hi\""
'mixed "quotes"'
"mixed 'quotes'"
''
""
