package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/nixlint/nixlint/config"
)

// runConfig implements `nixlint config --default`, which prints the
// embedded default configuration with its comments: a starting point for
// .nixlint.toml.
func runConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nixlint config", flag.ContinueOnError)
	def := fs.Bool("default", false, "print the default configuration")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, errHelp) {
		fmt.Fprintln(stdout, "Usage: nixlint config --default")
		return exitOK
	}
	if err != nil {
		return usageError(stderr, err.Error())
	}
	if !*def || len(rest) > 0 {
		return usageError(stderr, "usage: nixlint config --default")
	}
	fmt.Fprint(stdout, config.DefaultTOML())
	return exitOK
}
