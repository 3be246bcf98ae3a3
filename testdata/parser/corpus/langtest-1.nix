({x, y, z}: x + y + z) {x = "foo"; y = "bar"; z = "bla";}
