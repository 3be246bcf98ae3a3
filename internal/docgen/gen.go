//go:build ignore

// gen writes docs/rules from the rules' documentation; go generate runs it
// (see doc.go). The ignore build tag keeps it out of `go install ./...`,
// which pre-commit runs to build the hook.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/nixlint/nixlint/internal/docgen"
	"github.com/nixlint/nixlint/rules"
)

func main() {
	dir := flag.String("dir", "docs/rules", "the folder to write the rule pages into")
	flag.Parse()
	if err := docgen.Write(*dir, docgen.Pages(rules.All())); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
