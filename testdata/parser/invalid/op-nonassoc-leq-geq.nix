with {}; a <= b >= c
