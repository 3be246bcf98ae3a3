with {}; { inherit a; a = 1; }
