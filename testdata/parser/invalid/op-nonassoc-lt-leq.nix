with {}; a < b <= c
