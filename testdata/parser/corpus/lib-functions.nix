{ lib }:
rec {
  mapListToAttrs = f: list: builtins.listToAttrs (map f list);
  filterEnabled = lib.filterAttrs (_: v: v.enable or false);
  hosts = {
    alpha = { ip = "10.0.0.1"; roles = [ "web" "db" ]; };
    beta = { ip = "10.0.0.2"; roles = [ ]; };
  };
  hostNames = builtins.attrNames hosts;
  roleHosts = role: lib.filterAttrs (n: h: builtins.elem role h.roles) hosts;
  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);
  compose = fs: x: builtins.foldl' (acc: f: f acc) x fs;
  version = lib.versions.majorMinor "1.2.3";
  hasWeb = hosts ? alpha && hosts.alpha ? ip;
  neg = -(1 + 2) * 3 / -4;
  cmp = [ (1 < 2) (2 <= 2) (3 > 1) (4 >= 4) ];
  str = ''
    #!/bin/sh
    echo "''${HOME}" ${toString fib 10}
    if [ -n "$1" ]; then exit 0; fi
  '';
}
