(with {}; a) + b
