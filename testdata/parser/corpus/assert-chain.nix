with {}; assert a; assert b -> c; d
