[ ./foo ./foo/bar ./. ../corpus/x foo/bar a/b/c ./foo.nix ./a-b_c+d ]
