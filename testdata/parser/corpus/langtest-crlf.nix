rec {

  /* Dit is
  een test. */

  x = y;

  y = 123;

  z = 456;

}
