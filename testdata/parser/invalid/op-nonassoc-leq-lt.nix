with {}; a <= b < c
