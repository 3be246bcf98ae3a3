package main

import (
	"fmt"
	"io"
)

// runLint implements `nixlint [flags] [PATH...]`. (Placeholder until the engine lands.)
func runLint(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "nixlint: not implemented yet")
	return 2
}
