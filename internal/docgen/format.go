package docgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nixlint/nixlint/analysis"
)

// Family is the rule's family: the first of its Docs tags (architecture,
// conventions, registry, language, hygiene), or "core" for the engine's own
// rules, which have none.
func Family(a *analysis.Analyzer) string {
	if a.Docs != nil && len(a.Docs.Tags) > 0 {
		return a.Docs.Tags[0]
	}
	return "core"
}

// sentence capitalises s (unless it starts with nixlint's name) and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	// "nixlint" is a name and stays lowercase.
	if !strings.HasPrefix(s, "nixlint") {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// oneLine joins the lines of s, for a block quote.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

// code renders a list as inline code spans.
func code(list []string) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "`" + s + "`"
	}
	return strings.Join(out, ", ")
}

// tomlValue renders an option default as TOML. Option defaults are ints,
// bools, strings or string lists (analysis.Option); anything else is
// printed with %v.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case []int:
		q := make([]string, len(v))
		for i, n := range v {
			q[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(q, ", ") + "]"
	default:
		return fmt.Sprintf("%v", v)
	}
}
