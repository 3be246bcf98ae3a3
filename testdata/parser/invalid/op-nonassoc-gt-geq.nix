with {}; a > b >= c
