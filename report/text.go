package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"
)

// textStyle holds the colours of the text format. Every colour is forced on
// or off explicitly: fatih/color otherwise consults its global NoColor,
// which it derives from whether os.Stdout is a terminal, while the caller
// may be writing to a file or buffer it has already decided about.
type textStyle struct {
	location, err, warning, note, rule, caret, fix, summary *color.Color
}

func newTextStyle(on bool) *textStyle {
	st := &textStyle{
		location: color.New(color.Bold),
		err:      color.New(color.FgRed, color.Bold),
		warning:  color.New(color.FgYellow, color.Bold),
		note:     color.New(color.FgCyan, color.Bold),
		rule:     color.New(color.Faint),
		caret:    color.New(color.FgGreen, color.Bold),
		fix:      color.New(color.FgGreen),
		summary:  color.New(color.Bold),
	}
	for _, c := range []*color.Color{st.location, st.err, st.warning, st.note, st.rule, st.caret, st.fix, st.summary} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return st
}

func (st *textStyle) severity(s string) *color.Color {
	switch s {
	case SeverityError:
		return st.err
	case SeverityNote:
		return st.note
	}
	return st.warning
}

// snippetIndent prefixes the source, caret and fix lines, setting them off
// from the path:line:col: lines that editors parse.
const snippetIndent = "    "

// writeText writes one block per unsuppressed finding:
//
//	path:line:col: severity: message [rule-id]
//	    source line
//	    ^~~~
//	    fix: hint
//
// and a summary line last.
func writeText(w io.Writer, res *Result, opts Options) error {
	bw := bufio.NewWriter(w)
	st := newTextStyle(opts.Color)
	printed := false
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed {
			continue
		}
		printed = true
		s := spanOf(f)
		sev := normSeverity(f.Severity)
		fmt.Fprintf(bw, "%s %s %s %s\n",
			st.location.Sprintf("%s:%d:%d:", escapeControls(f.File), s.Line, s.Column),
			st.severity(sev).Sprint(sev+":"),
			escapeControls(f.Message),
			st.rule.Sprint("["+escapeControls(f.Rule)+"]"))
		if src, carets, ok := snippet(f); ok {
			fmt.Fprintf(bw, "%s%s\n%s%s\n", snippetIndent, src, snippetIndent, st.caret.Sprint(carets))
		}
		if f.Fix != "" {
			writeFix(bw, st, f.Fix)
		}
	}
	if printed {
		bw.WriteByte('\n')
	}
	bw.WriteString(st.summary.Sprint(summaryLine(&res.Summary)))
	bw.WriteByte('\n')
	return bw.Flush()
}

// writeFix writes the fix hint; a multi-line hint keeps its lines, each
// indented under the first.
func writeFix(w io.Writer, st *textStyle, fix string) {
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(fix, "\r\n", "\n"), "\n"), "\n")
	for i, l := range lines {
		label := "     "
		if i == 0 {
			label = st.fix.Sprint("fix:") + " "
		}
		fmt.Fprintf(w, "%s%s%s\n", snippetIndent, label, escapeControls(l))
	}
}

// summaryLine is the last line of the text format, e.g.
// "1 error, 2 warnings, 0 notes (3 suppressed) in 12 files, 1 skipped; 1 internal error".
func summaryLine(s *Summary) string {
	var b strings.Builder
	b.WriteString(plural(s.Errors, "error") + ", " + plural(s.Warnings, "warning") + ", " + plural(s.Notes, "note"))
	if s.Suppressed > 0 {
		b.WriteString(" (" + strconv.Itoa(s.Suppressed) + " suppressed)")
	}
	b.WriteString(" in " + plural(s.Files, "file"))
	if s.Skipped > 0 {
		b.WriteString(", " + strconv.Itoa(s.Skipped) + " skipped")
	}
	if s.Internal > 0 {
		b.WriteString("; " + plural(s.Internal, "internal error"))
	}
	return b.String()
}
