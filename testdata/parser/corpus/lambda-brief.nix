with {}; { zed, alpha ? 1, ... }@args: a - b * c / d < e
