with {}; [ 1.5.x 1.x ]
