let { a = 1; } x
