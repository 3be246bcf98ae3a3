with {}; ''  a\n   b${x}''$ '''  ''
