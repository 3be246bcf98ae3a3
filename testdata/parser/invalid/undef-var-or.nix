f or
