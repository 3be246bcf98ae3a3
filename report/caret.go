package report

import "strings"

// Source lines longer than maxSnippet characters are shown as a window of
// that many characters around the finding: a minified or generated file can
// hold megabytes on one line, and printing it once per finding would flood
// the terminal.
const (
	maxSnippet    = 160
	snippetBefore = 60 // characters kept before the start of the span
)

// snippet returns the source line of f and a caret line underlining its
// span ("^~~~"), ready to print, or ok=false when f has no LineText. A span
// that continues on later lines is underlined to the end of its first line;
// a span past the end of the line gets one caret after the last character.
func snippet(f *Finding) (src, carets string, ok bool) {
	line := strings.TrimSuffix(f.LineText, "\r") // a CRLF file
	if line == "" {
		return "", "", false
	}
	s := spanOf(f)
	total, _ := countsBefore(line, len(line)) // an invalid byte counts 1, as in runeColumn
	start := runeColumn(line, s.Column)
	end := total
	if s.EndLine == s.Line {
		end = min(runeColumn(line, s.EndColumn), total)
	}
	end = max(end, start+1)

	// Window [w0, w1) of the line's characters to show.
	w0, w1 := 0, total
	if total > maxSnippet {
		w0 = max(0, min(start, total)-snippetBefore)
		w1 = min(total, w0+maxSnippet)
	}
	text := displayLine(runeSlice(line, w0, w1))

	var b strings.Builder
	lead := ""
	if w0 > 0 {
		lead = "…"
		b.WriteByte(' ') // under the leading ellipsis
	}
	// Copy tabs from the text before the span so the caret lines up
	// whatever the terminal's tab width.
	n := w0
	for _, r := range text {
		if n >= start {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		n++
	}
	// A start past the end of the line (the text ran out before it) leaves
	// the caret just after the last character shown.
	b.WriteByte('^')
	width := max(1, min(end, w1)-start)
	for i := 1; i < width; i++ {
		b.WriteByte('~')
	}
	src = lead + text
	if w1 < total {
		src += "…"
	}
	return src, b.String(), true
}

// runeSlice returns the characters [from, to) of s, counting an invalid
// byte as one character.
func runeSlice(s string, from, to int) string {
	if from == 0 && to >= len(s) {
		return s
	}
	i := runeOffset(s, from)
	j := i + runeOffset(s[i:], to-from)
	return s[i:j]
}
