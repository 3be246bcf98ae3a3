with {}; a < b == c
