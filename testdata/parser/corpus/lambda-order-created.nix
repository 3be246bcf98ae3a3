let abc = 1; in [ ({ zz, abc }: 1) ({ q1, q2, q3, q0 }: 1) ]
