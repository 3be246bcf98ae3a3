{ a.b.c.d = 1; a.b.e = 2; a.f = 3; g = 4; }
