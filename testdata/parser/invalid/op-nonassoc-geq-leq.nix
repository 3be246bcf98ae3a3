with {}; a >= b <= c
