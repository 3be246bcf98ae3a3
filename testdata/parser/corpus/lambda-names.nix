[ (a'b: a'b) (a-b: a-b) (_x: _x) (A: A) (a_': a_') ]
