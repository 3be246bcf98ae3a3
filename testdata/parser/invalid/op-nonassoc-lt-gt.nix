with {}; a < b > c
