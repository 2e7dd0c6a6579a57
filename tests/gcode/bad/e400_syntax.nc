(expect E400 2:4)
G1 X F100
M30
