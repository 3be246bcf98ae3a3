with {}; [ 1 a "s" ./p [ ] [ [ ] ] (f x) { } a.b ]
