/* start */ with /*a*/ {} /*b*/; # line
[ # c1
  1 /* c2 */ 2 /**/ /***/ /* * / */
  # c3 /* not block
  3 ]
# end
