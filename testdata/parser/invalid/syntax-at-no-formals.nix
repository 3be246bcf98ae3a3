a @ b: 1
