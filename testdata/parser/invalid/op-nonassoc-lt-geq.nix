with {}; a < b >= c
