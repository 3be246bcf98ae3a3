[ true false null builtins map toString import derivation __add __sub ]
