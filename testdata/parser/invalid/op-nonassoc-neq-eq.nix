with {}; a != b == c
