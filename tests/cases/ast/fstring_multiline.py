f'''line {a}
line {b
}
'''
f'{x,y}'
f'{yield}'
f'{*a, b}'
