with {}; a > b < c
