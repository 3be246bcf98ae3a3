let
  x = ''
    hello
    world
  '';
in x
