[ <nixpkgs> <nixpkgs/lib> <a/b/c> <nixos-config> <a.b_c-d+e> ]
