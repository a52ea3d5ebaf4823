x = f'{a}' b''
