({a}: a) { a = 1; } [ 1 2 ] null true false
