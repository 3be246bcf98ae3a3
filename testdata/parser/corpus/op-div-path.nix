with {}; [ (a/ b) (a /b) (a / b) (2/3) ]
