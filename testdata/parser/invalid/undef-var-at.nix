(args @ { a }: args) + args
