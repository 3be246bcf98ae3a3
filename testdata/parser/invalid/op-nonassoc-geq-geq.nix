with {}; a >= b >= c
