with {}; [ (f or) (map or [ 1 ]) (x.or) ]
