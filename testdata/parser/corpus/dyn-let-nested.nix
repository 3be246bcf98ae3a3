with {}; let a.${x} = 1; in 1
