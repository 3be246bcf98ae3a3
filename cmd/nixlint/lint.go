package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/report"
	"github.com/nixlint/nixlint/rules"
)

// lintFlags are the flags of `nixlint [flags] [PATH...]`.
type lintFlags struct {
	format, output, config, failOn string
	enable, disable                listFlag
	baseline, writeBaseline        string
	noColor, version               bool
}

func newLintFlagSet(f *lintFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("nixlint", flag.ContinueOnError)
	fs.StringVar(&f.format, "format", "text", "output format: text, json, sarif or github")
	fs.StringVar(&f.output, "output", "", "write the report to `FILE`")
	fs.StringVar(&f.config, "config", "", "configuration `FILE`")
	fs.StringVar(&f.failOn, "fail-on", "warning", "lowest severity that fails: error, warning, note or never")
	fs.Var(&f.enable, "enable", "turn `RULE`s on")
	fs.Var(&f.disable, "disable", "turn `RULE`s off")
	fs.StringVar(&f.baseline, "baseline", "", "hide the findings recorded in `FILE`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in `FILE`")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours")
	fs.BoolVar(&f.version, "version", false, "print the version")
	return fs
}

// registry returns the rules a lint runs; tests replace it to inject a
// failing rule.
var registry = rules.All

// failRank maps --fail-on values to the lowest severity rank that fails.
var failRank = map[string]int{"error": 3, "warning": 2, "note": 1, "never": 99}

var severityRank = map[string]int{"error": 3, "warning": 2, "note": 1}

// runLint implements `nixlint [flags] [PATH...]`.
func runLint(args []string, stdout, stderr io.Writer) int {
	var f lintFlags
	paths, err := parseInterspersed(newLintFlagSet(&f), args)
	if errors.Is(err, errHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, err.Error())
	}
	if f.version {
		fmt.Fprintf(stdout, "nixlint %s\n", version)
		return exitOK
	}
	if !contains(report.Formats(), f.format) {
		return usageError(stderr, fmt.Sprintf("unknown --format %q (want %s)", f.format, strings.Join(report.Formats(), ", ")))
	}
	if _, ok := failRank[f.failOn]; !ok {
		return usageError(stderr, fmt.Sprintf("unknown --fail-on %q (want error, warning, note or never)", f.failOn))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}

	all := registry()
	root, err := engine.FindRoot(paths[0])
	if err != nil {
		return fail(stderr, err)
	}
	cfg, err := engine.LoadConfig(root, f.config, all)
	if err != nil {
		return fail(stderr, err)
	}
	res, err := engine.Run(context.Background(), engine.Options{
		Paths:         paths,
		Config:        cfg,
		Analyzers:     all,
		Enable:        f.enable,
		Disable:       f.disable,
		Baseline:      f.baseline,
		WriteBaseline: f.writeBaseline,
		Version:       version,
		Trace:         tracer(stderr),
	})
	if errors.Is(err, engine.ErrUsage) {
		return usageError(stderr, strings.TrimPrefix(err.Error(), "usage: "))
	}
	if err != nil {
		return fail(stderr, err)
	}

	if code := write(res, &f, stdout, stderr); code != exitOK {
		return code
	}
	if res.Summary.Internal > 0 {
		fmt.Fprintf(stderr, "nixlint: %d internal error(s): the run is incomplete (see the internal-error findings)\n", res.Summary.Internal)
		return exitError
	}
	for _, fd := range res.Findings {
		if !fd.Suppressed && severityRank[fd.Severity] >= failRank[f.failOn] {
			return exitFindings
		}
	}
	return exitOK
}

// tracer returns a function printing phase timings to stderr when
// NIXLINT_TRACE is set (for profiling), else nil.
func tracer(stderr io.Writer) func(string, time.Duration) {
	if os.Getenv("NIXLINT_TRACE") == "" {
		return nil
	}
	var mu sync.Mutex
	return func(phase string, d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(stderr, "nixlint: %-40s %8.1fms\n", phase, float64(d.Microseconds())/1000)
	}
}

// write formats res to stdout or --output, and the GitHub step summary.
func write(res *report.Result, f *lintFlags, stdout, stderr io.Writer) int {
	out := stdout
	if f.output != "" {
		file, err := os.Create(f.output)
		if err != nil {
			return fail(stderr, fmt.Errorf("--output: %w", err))
		}
		defer file.Close()
		out = file
	}
	opts := report.Options{Color: useColor(out, f.noColor)}
	if f.format == "github" {
		if p := os.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
			sf, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
			if err != nil {
				return fail(stderr, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err))
			}
			defer sf.Close()
			opts.StepSummary = sf
		}
	}
	if err := report.Write(out, f.format, res, opts); err != nil {
		return fail(stderr, err)
	}
	if c, ok := out.(io.Closer); ok && f.output != "" {
		if err := c.Close(); err != nil {
			return fail(stderr, fmt.Errorf("--output: %w", err))
		}
	}
	return exitOK
}

// useColor reports whether to colour the text written to w: only on a
// terminal, never with NO_COLOR set (https://no-color.org) or --no-color.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	file, ok := w.(*os.File)
	if !ok {
		return false
	}
	// A character device is a terminal (or /dev/null, which shows nothing).
	fi, err := file.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "nixlint: %s\nRun 'nixlint -h' for usage.\n", msg)
	return exitError
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "nixlint: %v\n", err)
	return exitError
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
