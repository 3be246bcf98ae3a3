with {}; ./foo/${x}/
