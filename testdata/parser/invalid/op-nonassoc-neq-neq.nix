with {}; a != b != c
