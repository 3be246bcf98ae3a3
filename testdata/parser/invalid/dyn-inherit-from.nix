with {}; { inherit (y) ${x}; }
