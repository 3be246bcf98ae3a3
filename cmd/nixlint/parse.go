package main

import (
	"fmt"
	"io"
)

// runParse implements `nixlint parse`. (Placeholder until the parser lands.)
func runParse(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "nixlint parse: not implemented yet")
	return 2
}
