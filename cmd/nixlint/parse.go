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

	"github.com/nixlint/nixlint/internal/hugepages"
	"github.com/nixlint/nixlint/internal/readfile"
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
	// small: the collector waits for the heap to reach the memory limit
	// (a few thousand files never do), and then frees nearly all of it.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	out := bufio.NewWriterSize(stdout, 64<<10)
	code := 0
	// The working directory is looked up once: filepath.Abs would ask
	// the system for it (two stats) once per file. Without one, each
	// file with a relative name reports the error as before.
	wd, _ := os.Getwd()
	n := 0
	for b := range parseAll(files, *format, wd, printer.HomeDir()) {
		switch n++; {
		case n == hugePagesEvery:
			hugepages.Reserve(hugePagesReserve)
		case n%hugePagesEvery == 0:
			hugepages.Advise()
		}
		start := 0
		for _, r := range b.files {
			if len(r.errs) > 0 {
				// Flush first so that stdout and stderr interleave by file.
				out.Flush()
				stderr.Write(r.errs)
			}
			out.Write(b.out.Bytes()[start:r.end])
			start = r.end
			if !r.ok {
				code = 1
			}
		}
		b.out.Reset()
		b.files = b.files[:0]
		batches.Put(b)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "nixlint parse: %v\n", err)
		return 2
	}
	return code
}

// After hugePagesEvery batches the heap is backed with huge pages (see
// package hugepages), hugePagesReserve bytes of it at once, and marked
// again every hugePagesEvery batches: the heap grows by a few MiB in
// between. Parsing a few files keeps small pages.
const (
	hugePagesEvery   = 4
	hugePagesReserve = 128 << 20
)

// batch is what a worker produced for consecutive files: their outputs
// one after the other, and for each file where its output ends and its
// errors. Files are handed out by batches so that workers and the writer
// meet once per batch rather than once per file.
type batch struct {
	out   bytes.Buffer
	files []parsed
}

// parsed is what a worker produced for one file of a batch.
type parsed struct {
	end  int // end of the file's output in the batch's
	errs []byte
	ok   bool
}

// batches holds batches written out, for reuse.
var batches = sync.Pool{New: func() any { return new(batch) }}

// parseAll parses and prints the files on all cores and yields the
// results by batches, in the order of the files. At most a few batches per
// core are held in memory at once. The workers live for the whole run so
// that their stacks, grown by the parser's recursion, and their work
// memory are reused.
func parseAll(files []string, format, wd, home string) <-chan *batch {
	type job struct {
		files []string
		slot  chan *batch
	}
	workers := runtime.GOMAXPROCS(0)
	// Enough batches per worker that one slow file does not leave the
	// other workers idle at the end.
	size := min(max(len(files)/(16*workers), 1), 32)
	jobs := make(chan job)
	slots := make(chan chan *batch, 4*workers) // in file order
	for range workers {
		go func() {
			w := &parseWorker{parser: parser.NewParser(), format: format, wd: wd, home: home}
			for j := range jobs {
				b := batches.Get().(*batch)
				for _, name := range j.files {
					errs, ok := w.parse(name, &b.out)
					b.files = append(b.files, parsed{end: b.out.Len(), errs: errs, ok: ok})
				}
				j.slot <- b
			}
		}()
	}
	go func() {
		for lo := 0; lo < len(files); lo += size {
			slot := make(chan *batch, 1)
			slots <- slot
			jobs <- job{files[lo:min(lo+size, len(files))], slot}
		}
		close(jobs)
		close(slots)
	}()
	results := make(chan *batch)
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

// parse prints one file to out and reports its errors, and whether it
// was free of them.
func (w *parseWorker) parse(name string, out *bytes.Buffer) (errs []byte, ok bool) {
	src, err := readfile.Read(name, w.src)
	if err != nil {
		return fmt.Appendf(nil, "nixlint parse: %v\n", err), false
	}
	if cap(src) <= maxKeptSource {
		w.src = src
	}
	fset := token.NewFileSet()
	f, perrs := w.parser.ParseFile(fset, name, src, 0)
	if len(perrs) == 0 {
		perrs = check.File(fset, f, w.resolver.Problems(f))
	}
	if len(perrs) > 0 {
		var stderr bytes.Buffer
		for _, e := range perrs {
			fmt.Fprintln(&stderr, e.Error())
		}
		return stderr.Bytes(), false
	}
	start := out.Len()
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
		out.Truncate(start)
		return fmt.Appendf(nil, "nixlint parse: %s: %v\n", name, err), false
	}
	return nil, true
}

// maxKeptSource bounds the source buffer a worker keeps for the next file.
const maxKeptSource = 1 << 20
