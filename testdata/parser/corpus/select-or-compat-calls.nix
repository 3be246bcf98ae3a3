with {}; [ (f or) (g f or) (f or x) ((f a) or) (f a or) (g (f or) x) ((f a) or b) ((a < b) or) ]
