let
  a = 1;
  b = 2;
  c = { d = 3; e = 4; };
in {
  inherit a;
  inherit b c;
  inherit (c) d e;
  f = { inherit (c) d; };
}
