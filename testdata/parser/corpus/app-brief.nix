with {}; f a (g b) c
