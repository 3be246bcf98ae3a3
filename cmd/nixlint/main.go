// Command nixlint lints NixOS flake repositories. See the README.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is the nixlint version; release builds set it with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes, as DESIGN.md §8 fixes them.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, configuration or internal error
)

func main() {
	stop := startProfiles(os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit code:
// 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or
// internal error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "parse":
			return runParse(args[1:], stdout, stderr)
		case "inventory":
			return runInventory(args[1:], stdout, stderr)
		case "rules":
			return runRules(args[1:], stdout, stderr)
		case "explain":
			return runExplain(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage)
			return exitOK
		case "version":
			fmt.Fprintf(stdout, "nixlint %s\n", version)
			return exitOK
		}
	}
	return runLint(args, stdout, stderr)
}

const usage = `nixlint lints NixOS flake repositories against their architecture and conventions.

Usage:
  nixlint [flags] [PATH...]      lint the repository holding PATH (default .)
  nixlint rules [--format text|json|markdown]
  nixlint explain RULE
  nixlint config --default       print the default .nixlint.toml
  nixlint parse [flags] FILE...  print files as Nix or JSON trees
  nixlint inventory [PATH]       list the VMs the repository declares

When PATHs are files or folders below the repository root (as pre-commit
passes them), the whole repository is analysed and only findings in those
paths are reported. Flags may come before or after the paths.

Flags:
  --format text|json|sarif|github   output format (default text)
  --output FILE                     write the report to FILE instead of stdout
  --config FILE                     configuration (default: ROOT/.nixlint.toml, else built in)
  --fail-on error|warning|note|never
                                    lowest severity that makes the exit code 1 (default warning)
  --enable RULE[,RULE]              turn rules on (repeatable)
  --disable RULE[,RULE]             turn rules off (repeatable)
  --baseline FILE                   hide the findings recorded in FILE
  --write-baseline FILE             record the current findings in FILE
  --no-color                        no colours (also when NO_COLOR is set or output is not a terminal)
  --version                         print the version

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or internal error.
`
