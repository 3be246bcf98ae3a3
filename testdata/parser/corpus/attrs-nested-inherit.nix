with {}; { a = { inherit b; }; a.c = 1; }
