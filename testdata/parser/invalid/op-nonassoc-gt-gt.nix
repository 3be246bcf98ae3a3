with {}; a > b > c
