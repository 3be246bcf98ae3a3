with {}; { # a
  a /* b */ = /* c */ 1 /* d */; # e
  inherit /* f */ a' /* g */; /* h */
  b.c /* */ . /* */ d = 2;
}
