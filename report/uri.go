package report

import "strings"

// relativeURI turns a repository-relative path into a relative URI
// reference (RFC 3986 §4.2) for SARIF's artifactLocation.uri: every byte
// that is not unreserved (ALPHA / DIGIT / "-" / "." / "_" / "~") is
// percent-encoded, except the "/" separators. This is stricter than
// url.PathEscape, which leaves ":" alone: "a:b.nix" would then parse as a
// URI with scheme "a". Non-ASCII names are encoded as their UTF-8 bytes.
func relativeURI(path string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(path))
	for i := 0; i < len(path); i++ {
		c := path[i]
		if isUnreserved(c) || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// fileURI is the absolute file URI of an absolute directory, with the
// trailing slash SARIF requires of a base URI (§3.14.14).
func fileURI(dir string) string {
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	return "file://" + relativeURI(dir)
}
