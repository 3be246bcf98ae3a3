with {}; a.
