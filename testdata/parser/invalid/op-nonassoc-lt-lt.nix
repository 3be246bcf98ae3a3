with {}; a < b < c
