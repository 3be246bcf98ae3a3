with {}; { inherit (a) b.c; }
