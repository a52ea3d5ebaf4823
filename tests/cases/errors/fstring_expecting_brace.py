f'{a'
