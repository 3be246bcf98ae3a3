with {}; (f a) b
