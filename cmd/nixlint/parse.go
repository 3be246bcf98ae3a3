package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
	code := 0
	// The working directory is looked up once: filepath.Abs would ask
	// the system for it (two stats) once per file. Without one, each
	// file with a relative name reports the error as before.
	wd, _ := os.Getwd()
	for r := range parseAll(files, *format, wd, printer.HomeDir()) {
		if len(r.errs) > 0 {
			// Flush first so that stdout and stderr interleave by file.
			out.Flush()
			stderr.Write(r.errs)
		}
		out.Write(r.out)
		if !r.ok {
			code = 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "nixlint parse: %v\n", err)
		return 2
	}
	return code
}

// parsed is what parseOne produced for one file.
type parsed struct {
	out, errs []byte
	ok        bool
}

// parseAll parses and prints the files on all cores and yields the
// results in the order of the files. At most a few files per core are
// held in memory at once. The workers live for the whole run so that
// their stacks, grown by the parser's recursion, are reused.
func parseAll(files []string, format, wd, home string) <-chan parsed {
	type job struct {
		name string
		slot chan parsed
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job)
	slots := make(chan chan parsed, 4*workers) // in file order
	for range workers {
		go func() {
			for j := range jobs {
				j.slot <- parseOne(j.name, format, wd, home)
			}
		}()
	}
	go func() {
		for _, name := range files {
			slot := make(chan parsed, 1)
			slots <- slot
			jobs <- job{name, slot}
		}
		close(jobs)
		close(slots)
	}()
	results := make(chan parsed)
	go func() {
		for slot := range slots {
			results <- <-slot
		}
		close(results)
	}()
	return results
}

// parseOne prints one file and reports whether it was free of errors.
// Relative names are relative to wd.
func parseOne(name, format, wd, home string) parsed {
	var out, stderr bytes.Buffer
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintf(&stderr, "nixlint parse: %v\n", err)
		return parsed{errs: stderr.Bytes()}
	}
	fset := token.NewFileSet()
	f, errs := parser.ParseFile(fset, name, src)
	if len(errs) == 0 {
		errs = check.File(fset, f, nil)
	}
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(&stderr, e.Error())
		}
		return parsed{errs: stderr.Bytes()}
	}
	switch format {
	case "json":
		err = printer.JSON(&out, fset, f)
	default:
		// As filepath.Abs does, with the working directory known.
		dir := filepath.Dir(name)
		switch {
		case filepath.IsAbs(dir):
		case wd != "":
			dir = filepath.Join(wd, dir)
		default:
			dir, err = filepath.Abs(dir)
		}
		if err == nil {
			err = printer.Config{Dir: dir, Home: home}.Nix(&out, fset, f)
		}
	}
	if err != nil {
		fmt.Fprintf(&stderr, "nixlint parse: %s: %v\n", name, err)
		return parsed{errs: stderr.Bytes()}
	}
	return parsed{out: out.Bytes(), ok: true}
}
