with {}; { inherit a b c; inherit (x) y z; inherit (x.y) w; inherit "q"; inherit (f 1) ${"r"}; }
