with {}; a: { a, b ? a }: c: {inherit a;}
