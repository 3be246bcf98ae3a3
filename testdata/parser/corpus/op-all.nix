with {}; [ (a + b) (a - b) (a * b) (a / b) (a ++ b) (a // b) (a == b) (a != b) (a < b) (a <= b) (a > b) (a >= b) (a && b) (a || b) (a -> b) (!a) (-a) (a ? b) ]
