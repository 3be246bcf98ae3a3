with {}; a <= b <= c
