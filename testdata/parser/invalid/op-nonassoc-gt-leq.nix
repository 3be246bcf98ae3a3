with {}; a > b <= c
