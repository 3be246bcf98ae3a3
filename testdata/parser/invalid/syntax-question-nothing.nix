with {}; a ?
