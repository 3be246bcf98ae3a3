with {}; $x
