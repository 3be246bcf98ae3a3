package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// writeGitHub writes one workflow command per unsuppressed finding, which
// GitHub Actions turns into an annotation on the file:
//
//	::error file=F,line=L,endLine=E,col=C,endColumn=EC,title=T::message
//
// GitHub shows only 10 error and 10 warning annotations per step, so when
// opts.StepSummary is set the full list also goes to the job summary.
func writeGitHub(w io.Writer, res *Result, opts Options) error {
	bw := bufio.NewWriter(w)
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed {
			continue
		}
		writeAnnotation(bw, f)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opts.StepSummary != nil {
		if err := writeStepSummary(opts.StepSummary, res); err != nil {
			return err
		}
	}
	return nil
}

// writeAnnotation writes the workflow command for f. Columns are UTF-16
// code units, like SARIF's; col and endColumn are left out of a finding
// spanning several lines, as the toolkit's AnnotationProperties demand.
func writeAnnotation(w *bufio.Writer, f *Finding) {
	s := spanOf(f)
	cmd := "warning"
	switch normSeverity(f.Severity) {
	case SeverityError:
		cmd = "error"
	case SeverityNote:
		cmd = "notice"
	}
	w.WriteString("::" + cmd + " ")
	w.WriteString("file=" + escapeProperty(f.File))
	w.WriteString(",line=" + strconv.Itoa(s.Line))
	w.WriteString(",endLine=" + strconv.Itoa(s.EndLine))
	if s.EndLine == s.Line {
		w.WriteString(",col=" + strconv.Itoa(utf16Column(f.LineText, s.Column)))
		w.WriteString(",endColumn=" + strconv.Itoa(utf16Column(f.LineText, s.EndColumn)))
	}
	w.WriteString(",title=" + escapeProperty(ruleID(f)))
	msg := f.Message
	if f.Fix != "" {
		msg += "\nFix: " + f.Fix
	}
	w.WriteString("::" + escapeData(msg) + "\n")
}

// escapeData escapes a workflow command's message as actions/toolkit's
// command.ts does: "%" first, then CR and LF.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty escapes a workflow command's property value: as a message,
// plus ":" and ",", which delimit properties.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
