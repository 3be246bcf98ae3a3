with {}; with a; assert b; if c then d else e
