with {}; a >= b < c
