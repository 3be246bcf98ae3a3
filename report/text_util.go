package report

import "strings"

// truncateUTF16 shortens s to at most n UTF-16 code units (the unit
// JavaScript, and so GitHub's limits, count), cutting between characters
// and ending with "…". Invalid UTF-8 is replaced first, so the result is
// always valid.
func truncateUTF16(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf16Len(s) <= n {
		return s
	}
	units := 0
	for i, r := range s {
		w := runeUnits(r)
		if units+w > n-1 { // keep one unit for the ellipsis
			return s[:i] + "…"
		}
		units += w
	}
	return s
}

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += runeUnits(r)
	}
	return n
}

// pascalCase turns a kebab-case rule id into the PascalCase name SARIF
// recommends for reportingDescriptor.name ("module-self-enable" →
// "ModuleSelfEnable").
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.' || r == '/':
			upper = true
		case upper:
			b.WriteString(strings.ToUpper(string(r)))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstNonEmpty returns the first of ss that is not blank.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
