a @ { a }: a
