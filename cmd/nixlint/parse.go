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
	"sync"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/printer"
	"github.com/nixlint/nixlint/parser/scope"
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
		if r.out != nil {
			out.Write(r.out.Bytes())
			r.out.Reset()
			outBufs.Put(r.out)
		}
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

// parsed is what a worker produced for one file.
type parsed struct {
	out  *bytes.Buffer // from outBufs, nil when nothing is printed
	errs []byte
	ok   bool
}

// outBufs holds the output buffers of files printed but not yet written.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// parseAll parses and prints the files on all cores and yields the
// results in the order of the files. At most a few files per core are
// held in memory at once. The workers live for the whole run so that
// their stacks, grown by the parser's recursion, and their work memory
// are reused.
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
			w := &parseWorker{parser: parser.NewParser(), format: format, wd: wd, home: home}
			for j := range jobs {
				j.slot <- w.parse(j.name)
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

// parseWorker parses and prints files one after another, keeping its
// work memory from one to the next.
type parseWorker struct {
	parser   *parser.Parser
	resolver scope.Resolver
	src      []byte // the last file's source, whose memory is reused
	format   string
	wd       string // the working directory, for relative names
	home     string
}

// parse prints one file and reports whether it was free of errors.
func (w *parseWorker) parse(name string) parsed {
	src, err := readFile(name, w.src)
	if err != nil {
		return parsed{errs: fmt.Appendf(nil, "nixlint parse: %v\n", err)}
	}
	if cap(src) <= maxKeptSource {
		w.src = src
	}
	fset := token.NewFileSet()
	f, errs := w.parser.ParseFile(fset, name, src, 0)
	if len(errs) == 0 {
		errs = check.File(fset, f, w.resolver.Resolve(f))
	}
	if len(errs) > 0 {
		var stderr bytes.Buffer
		for _, e := range errs {
			fmt.Fprintln(&stderr, e.Error())
		}
		return parsed{errs: stderr.Bytes()}
	}
	out := outBufs.Get().(*bytes.Buffer)
	switch w.format {
	case "json":
		err = printer.JSON(out, fset, f)
	default:
		// As filepath.Abs does, with the working directory known.
		dir := filepath.Dir(name)
		switch {
		case filepath.IsAbs(dir):
		case w.wd != "":
			dir = filepath.Join(w.wd, dir)
		default:
			dir, err = filepath.Abs(dir)
		}
		if err == nil {
			err = printer.Config{Dir: dir, Home: w.home}.Nix(out, fset, f)
		}
	}
	if err != nil {
		out.Reset()
		outBufs.Put(out)
		return parsed{errs: fmt.Appendf(nil, "nixlint parse: %s: %v\n", name, err)}
	}
	return parsed{out: out, ok: true}
}

// maxKeptSource bounds the source buffer a worker keeps for the next file.
const maxKeptSource = 1 << 20
