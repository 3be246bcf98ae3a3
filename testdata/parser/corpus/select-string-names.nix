with {}; x."a b".""."if"."then".or ? "1x"
