with {}; "a${b
