with {}; a >= b > c
