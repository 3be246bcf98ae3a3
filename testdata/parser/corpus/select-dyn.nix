with {}; [ x.${y} x."${y}" x."a${y}" x.${"a"}."b" x.${y}.z x.${y} or 1 ]
