with {}; "a${b}c\$ \n $x ${c}" + "${d}"
