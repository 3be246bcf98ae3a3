with {}; a.b or
