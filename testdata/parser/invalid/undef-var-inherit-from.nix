{ inherit (a) b; }
