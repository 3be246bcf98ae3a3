with {}; { inherit a a; }
