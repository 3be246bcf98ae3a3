[ (yy: { zz, yy }: 1) ({ zz, yy } @ qq: { qq, pp }: 1) ]
