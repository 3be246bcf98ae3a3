with {}; let inherit (a) b; c = 1; inherit d; in { inherit (e) f; }
