let { body = 1; a = 2; }
