{ a = rec { b = 1; }; a = { c = 2; }; x = { y = 1; }; x = rec { z = 2; }; }
