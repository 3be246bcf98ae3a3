with {}; a == b != c
