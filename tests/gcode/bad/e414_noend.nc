(expect E414 2)
G0 X10
