with {}; { zz = 1; b = 2; a = 3; c.d = 4; "x y" = 5; ${q} = 6; inherit r; inherit (s) t u; }
