let map = 1; zz = 2; toString = 3; aa = 4; in [ map zz toString aa ]
