with {}; { inherit (x) a; inherit (y) a; }
