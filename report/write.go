package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Options tune the formatters. The zero value is valid: no colour, no job
// summary, no SARIF category.
type Options struct {
	// Color enables ANSI colours in the text format. The caller decides
	// (a terminal, NO_COLOR unset, no --no-color); formatters never probe
	// the environment themselves, so output stays a function of the input.
	Color bool

	// StepSummary receives the Markdown job summary of the github format
	// (nil: none). The CLI opens $GITHUB_STEP_SUMMARY in append mode.
	StepSummary io.Writer

	// Category is the SARIF runAutomationDetails.id category, emitted only
	// when set: a category in the file overrides the upload action's own
	// `category` input, so it must be an explicit choice.
	Category string
}

// formatters maps format names to their writers.
var formatters = map[string]func(io.Writer, *Result, Options) error{
	"text":   writeText,
	"json":   writeJSON,
	"sarif":  writeSARIF,
	"github": writeGitHub,
}

// Formats returns the names of the supported output formats, sorted.
func Formats() []string {
	names := make([]string, 0, len(formatters))
	for name := range formatters {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Write formats res to w in the named format (see Formats). A nil res is
// treated as an empty run.
func Write(w io.Writer, format string, res *Result, opts Options) error {
	write, ok := formatters[format]
	if !ok {
		return fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	if res == nil {
		res = &Result{}
	}
	if err := write(w, res, opts); err != nil {
		return fmt.Errorf("writing %s output: %w", format, err)
	}
	return nil
}
