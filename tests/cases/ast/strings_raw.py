r'\n'
R'\d+\.\w'
r'\''
r"\""
r'\\'
rb'\x00'
BR'\n'
