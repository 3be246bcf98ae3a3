let { a = b; body = a; }
