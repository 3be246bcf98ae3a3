with {}; ./foo/bar + ~/x + /abs + <nixpkgs> + http://x.org/a
