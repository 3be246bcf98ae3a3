package report

import (
	"strings"
	"unicode/utf8"
)

// escapeMarkdown makes plain text render literally in GitHub Flavored
// Markdown: ASCII punctuation with a meaning (emphasis, code spans, links,
// HTML, tables, strikethrough, math, entities) gets a backslash, which
// CommonMark allows before any ASCII punctuation. Control characters and
// invalid UTF-8 become U+FFFD. Newlines are kept; cells handle them.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case isControl(r):
			b.WriteRune(utf8.RuneError)
		case strings.ContainsRune("\\`*_[]<>|~&$#!{}()+-=.:", r) && mdSpecial(s, i, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// mdSpecial reports whether the punctuation r at s[i] needs escaping. Most
// always do; the ones that only matter at the start of a line ("#", "+",
// "-", "=", ".", ":", "!", "(", ")", "{", "}") are escaped only where they
// could start a block or a link, to keep messages readable.
func mdSpecial(s string, i int, r rune) bool {
	switch r {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$':
		return true
	}
	// Line-start markers: headings, list items, setext underlines.
	atLineStart := i == 0 || s[i-1] == '\n'
	switch r {
	case '#', '+', '-', '=':
		return atLineStart
	case '.', ')':
		// "1." or "1)" starts an ordered list: escape after leading digits.
		j := i
		for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			j--
		}
		return j < i && (j == 0 || s[j-1] == '\n')
	case '!':
		return i+1 < len(s) && s[i+1] == '['
	}
	return false
}

// markdownCell escapes s for one cell of a GFM table: Markdown escaped, and
// line breaks as <br> because a raw newline ends the table row.
func markdownCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = escapeMarkdown(strings.TrimRight(s, "\n"))
	return strings.ReplaceAll(s, "\n", "<br>")
}

// markdownParagraphs renders plain text as Markdown paragraphs, for help
// text that has no Markdown of its own.
func markdownParagraphs(s string) string {
	return escapeMarkdown(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"))
}
