with {}; { inherit; inherit (x); }
