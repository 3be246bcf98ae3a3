package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/printer"
)

// runParse implements `nixlint parse [--format nix|json] FILE...`: it
// prints each file in Nix's canonical form (the line `nix-instantiate
// --parse` prints) or as JSON. A file with errors gets them on stderr as
// FILE:LINE:COL: message, and the exit code is 1; the other files are still
// printed. Usage errors exit 2.
func runParse(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nixlint parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "nix", "output format: nix (as nix-instantiate --parse prints) or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nixlint parse [--format nix|json] FILE...")
		fs.PrintDefaults()
	}
	// Flags may follow the files, as in `nixlint parse a.nix --format json`.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return 2
		}
		consumed := len(rest) - fs.NArg()
		endOfFlags := consumed > 0 && rest[consumed-1] == "--"
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		if endOfFlags {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		rest = rest[1:]
	}
	if *format != "nix" && *format != "json" {
		fmt.Fprintf(stderr, "nixlint parse: unknown format %q (want nix or json)\n", *format)
		return 2
	}
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	// Each file's tree is garbage once printed, so the live heap stays
	// small: collecting less often saves a good part of the run time, and
	// the memory limit still bounds the process on huge files.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(2 << 30))
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	home := printer.HomeDir()
	code := 0
	for _, name := range files {
		if !parseOne(name, *format, home, out, stderr) {
			code = 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "nixlint parse: %v\n", err)
		return 2
	}
	return code
}

// parseOne prints one file and reports whether it was free of errors.
func parseOne(name, format, home string, out *bufio.Writer, stderr io.Writer) bool {
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "nixlint parse: %v\n", err)
		return false
	}
	fset := token.NewFileSet()
	f, errs := parser.ParseFile(fset, name, src)
	if len(errs) == 0 {
		errs = check.File(fset, f, nil)
	}
	if len(errs) > 0 {
		// Flush first so that stdout and stderr interleave by file.
		out.Flush()
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		return false
	}
	switch format {
	case "json":
		err = printer.JSON(out, fset, f)
	default:
		var dir string
		dir, err = filepath.Abs(filepath.Dir(name))
		if err == nil {
			err = printer.Config{Dir: dir, Home: home}.Nix(out, fset, f)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "nixlint parse: %s: %v\n", name, err)
		return false
	}
	return true
}
