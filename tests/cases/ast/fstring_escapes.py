f'\n{x}\t'
f'\x41{y}'
rf'\n{x}'
f'\N{BULLET} {x}'
