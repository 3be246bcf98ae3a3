with {}; a.b.c or d ++ x.${y} ? z // !w
