with {}; -x + - 1
