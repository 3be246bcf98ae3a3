with {}; ${x}
