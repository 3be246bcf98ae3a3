let { body = 1; body = 2; }
