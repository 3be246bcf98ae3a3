with {}; <a/${b}>
