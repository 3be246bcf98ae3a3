{ a ? { b = 1; }.b, c ? [ 1 2 ], d ? (x: x), e ? let y = 1; in y }: a
