(expect E413 2:1)
M3.5 S100
M30
