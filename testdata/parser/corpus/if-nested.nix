with {}; if a then if b then c else d else if e then f else g
