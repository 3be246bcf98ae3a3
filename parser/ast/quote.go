package ast

// AppendQuoted appends s to dst as a Nix string literal, the way Nix 2.8's
// showString prints one: double quotes, with `"`, `\` and `$` escaped and
// newline, carriage return and tab written as \n, \r and \t. Other bytes,
// invalid UTF-8 included, are copied as they are.
func AppendQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // runs of bytes that need no escape are copied whole
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '$':
			esc = `\$`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\t':
			esc = `\t`
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// AppendName appends an attribute or variable name as Nix 2.8 prints one
// (showId, and printIdentifier in its error messages): bare when it looks
// like an identifier, quoted otherwise. Of the keywords only `if` is quoted
// (a FIXME in Nix).
func AppendName(dst []byte, s string) []byte {
	if s == "" || s == "if" || !isIdentStart(s[0]) {
		return AppendQuoted(dst, s)
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isIdentStart(c) && !(c >= '0' && c <= '9') && c != '\'' && c != '-' {
			return AppendQuoted(dst, s)
		}
	}
	return append(dst, s...)
}

// FormatName returns name as Nix 2.8 prints it (see AppendName).
func FormatName(name string) string { return string(AppendName(nil, name)) }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
