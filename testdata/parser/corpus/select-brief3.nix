with {}; a.${"x"}.c
