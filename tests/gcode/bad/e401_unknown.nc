(expect E401 2:8)
G0 X10 E5
M30
