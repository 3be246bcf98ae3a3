with {}; [ ((a < b) c) ((a - b) c) ((-x) y) (<nixpkgs> x) ((a <= b) c) ((f) a) (((f a)) b) ]
