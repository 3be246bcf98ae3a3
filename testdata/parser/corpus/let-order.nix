let zz = 1; aa = 2; mm = 3; in [ zz aa mm ]
