with {}; [ (-f x) (- f x) (!f x) (-a.b) (-a ? b) ]
