package report

// span is a finding's range with the guarantees every format promises:
// 1-based, end not before start. Columns are byte columns, end exclusive.
type span struct {
	Line, Column, EndLine, EndColumn int
}

// spanOf normalises the position of f. Engines should never produce a line
// or column below 1, but a formatter must not emit an invalid region (a
// SARIF file with one rejects the whole upload), so it clamps: a missing end
// becomes an empty range at the start.
func spanOf(f *Finding) span {
	s := span{
		Line:      max(f.Line, 1),
		Column:    max(f.Column, 1),
		EndLine:   f.EndLine,
		EndColumn: f.EndColumn,
	}
	if s.EndLine <= s.Line {
		s.EndLine = s.Line
		s.EndColumn = max(s.EndColumn, s.Column)
	} else {
		s.EndColumn = max(s.EndColumn, 1)
	}
	return s
}

// utf16Column converts the 1-based byte column col of line to a 1-based
// column in UTF-16 code units, the unit SARIF's columnKind "utf16CodeUnits"
// and GitHub's (JavaScript) UI count in. A character outside the Basic
// Multilingual Plane (most emoji) is a surrogate pair and counts 2. A column
// inside a multi-byte character counts that character whole; bytes past the
// end of line (a span that runs onto the newline) count 1 each; an invalid
// UTF-8 byte counts 1, as the replacement character a viewer shows.
func utf16Column(line string, col int) int {
	if col <= 1 {
		return 1
	}
	_, units := countsBefore(line, col-1)
	return units + 1
}

// runeColumn converts the 1-based byte column col of line to the number of
// characters before it, for the caret display: a multi-byte character is one
// column on a terminal (wide East Asian characters are not measured).
func runeColumn(line string, col int) int {
	if col <= 1 {
		return 0
	}
	runes, _ := countsBefore(line, col-1)
	return runes
}
