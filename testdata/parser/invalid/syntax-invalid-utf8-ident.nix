with {}; a√
