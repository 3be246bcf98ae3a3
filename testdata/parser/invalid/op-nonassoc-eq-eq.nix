with {}; a == b == c
