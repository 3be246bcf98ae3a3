with {}; { inherit ${x}; }
