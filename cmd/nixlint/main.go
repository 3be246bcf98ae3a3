// Command nixlint lints NixOS flake repositories. See the README.
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process exit code:
// 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or
// internal error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "parse":
			return runParse(args[1:], stdout, stderr)
		}
	}
	return runLint(args, stdout, stderr)
}
