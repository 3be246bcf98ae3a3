package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escapeControls makes s safe to print on one terminal line: control
// characters (C0, DEL, C1, bidi) become Go-style escapes (\n, \x1b) and invalid
// UTF-8 bytes \xNN. File names and messages can carry bytes from the linted
// repository; printed raw, a newline would break the path:line:col: format
// editors parse, and an escape sequence would reach the user's terminal.
func escapeControls(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case isControl(r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether escapeControls would change s.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isControl(r) {
			return true
		}
		i += size
	}
	return false
}

// isControl reports whether r is a C0 or C1 control character, DEL, or a
// bidirectional formatting character. The last kind reorders the rest of
// the line on screen ("Trojan Source"), so a finding could be shown next
// to text that is not what the file says.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
		r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// displayLine prepares a source line for the caret display: tabs stay (the
// caret line copies them, so alignment survives any tab width), every other
// control character and every invalid byte becomes U+FFFD. Each character
// or invalid byte stays exactly one character, so rune columns computed on
// the raw line still apply.
func displayLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (isControl(r) && r != '\t') {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
