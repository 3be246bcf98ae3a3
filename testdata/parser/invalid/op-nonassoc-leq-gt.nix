with {}; a <= b > c
