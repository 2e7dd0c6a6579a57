(expect E409 2:1)
G1 X10
M30
