package conventions

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory"
)

// maxLabel is the longest DNS label (RFC 1035): a VM name becomes its
// hostname.
const maxLabel = 63

// name is a VM name taken apart as {purpose}{sep}{number}.
type name struct {
	Purpose string // lowercased text before the number ("web", "dev-web")
	Number  string // the trailing digits, "" when there are none
	Sep     byte   // the separator before the number: '-', ':', '_', '.', ' ' or 0
}

// parseName splits a name loosely, so that the naming rules can say what is
// wrong with `Web:1` rather than only that it is wrong.
func parseName(s string) name {
	l := strings.ToLower(s)
	i := len(l)
	for i > 0 && l[i-1] >= '0' && l[i-1] <= '9' {
		i--
	}
	n := name{Purpose: l[:i], Number: l[i:]}
	if n.Number == "" {
		n.Purpose = l
		return n
	}
	if i > 0 && strings.IndexByte("-:_. ", l[i-1]) >= 0 {
		n.Sep = l[i-1]
		n.Purpose = l[:i-1]
	}
	return n
}

// wellFormed reports whether s is exactly {purpose}-{nn}: lowercase
// letters, digits and single hyphens, a number of two or more digits that
// is not zero, at most 63 characters.
func wellFormed(s string) bool {
	return formatProblem(s) == ""
}

// formatProblem says what keeps s from the {purpose}-{nn} format, or "".
func formatProblem(s string) string {
	n := parseName(s)
	switch {
	case s == "":
		return "is empty"
	case len(s) > maxLabel:
		return fmt.Sprintf("is %d characters long; a hostname label holds at most %d", len(s), maxLabel)
	case n.Sep == ':':
		return "uses the colon form; a colon is not valid in a hostname, so the separator is a hyphen"
	case s != strings.ToLower(s):
		return "has uppercase letters; use lowercase only"
	}
	if bad := badChars(s); bad != "" {
		return "has characters other than a-z, 0-9 and -: " + bad
	}
	switch {
	case n.Number == "":
		return "has no number; the format is {purpose}-{nn}"
	case n.Purpose == "":
		return "has no purpose before its number; the format is {purpose}-{nn}"
	case n.Sep != '-':
		return "has no hyphen between purpose and number; the format is {purpose}-{nn}"
	case !validPurpose(n.Purpose):
		return "has a purpose that starts or ends with a hyphen or holds two in a row"
	case len(n.Number) < 2:
		return "has a one-digit number; numbers have two digits"
	case strings.Trim(n.Number, "0") == "":
		return "is numbered " + n.Number + "; numbering starts at 01"
	}
	return ""
}

// validPurpose reports whether p is made of lowercase letters, digits and
// single inner hyphens, and starts with a letter.
func validPurpose(p string) bool {
	if p == "" || p[0] < 'a' || p[0] > 'z' || p[len(p)-1] == '-' || strings.Contains(p, "--") {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// badChars lists, quoted, the distinct characters of s outside a-z 0-9 -
// (uppercase letters are reported on their own).
func badChars(s string) string {
	var out []string
	seen := map[rune]bool{}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, fmt.Sprintf("%q", r))
	}
	return strings.Join(out, ", ")
}

// fixName returns the well-formed name s most likely means, or "" when
// there is no single answer (no number, number 00, a bad purpose).
func fixName(s string) string {
	n := parseName(s)
	if n.Number == "" || strings.Trim(n.Number, "0") == "" {
		return ""
	}
	purpose := strings.Map(func(r rune) rune {
		switch r {
		case ':', '_', '.', ' ':
			return '-'
		}
		return r
	}, n.Purpose)
	if !validPurpose(purpose) {
		return ""
	}
	num := n.Number
	if len(num) < 2 {
		num = "0" + num
	}
	fixed := purpose + "-" + num
	if len(fixed) > maxLabel || fixed == s {
		return ""
	}
	return fixed
}

// purposeOf returns the purpose of a name for the vocabulary and the id
// mapping: the text before the number with environment words stripped from
// either end (dev-web-01 -> web), or false when the name has no number.
func purposeOf(s string, conv *config.Conventions) (string, bool) {
	n := parseName(s)
	if n.Number == "" || n.Purpose == "" {
		return "", false
	}
	p := n.Purpose
	for _, sep := range []string{"-", ":", "_", "."} {
		p = strings.ReplaceAll(p, sep, "-")
	}
	words := strings.Split(p, "-")
	for len(words) > 1 && conv.IsEnvironment(words[0]) {
		words = words[1:]
	}
	for len(words) > 1 && conv.IsEnvironment(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "-"), true
}

// knownPurpose returns the vocabulary prefix a purpose stands for: the
// purpose itself, or its first word (web-frontend -> web), or false.
func knownPurpose(p string, conv *config.Conventions) (string, bool) {
	if conv.IsPrefix(p) {
		return p, true
	}
	if first, _, ok := strings.Cut(p, "-"); ok && conv.IsPrefix(first) {
		return first, true
	}
	return "", false
}

// checkedNames returns the VMs whose names the naming rules check: every
// VM with a known name, except templates (their names describe an image,
// as the templates of CONVENTIONS.md show: proxmox-x86-optimized).
func checkedNames(inv *inventory.Inventory) []*inventory.VM {
	var out []*inventory.VM
	for _, v := range inv.VMs {
		if v.NameKnown && !isTemplate(v, inv.Conv) {
			out = append(out, v)
		}
	}
	return out
}

// isTemplate reports whether v is a template: flagged as one, or, without
// a flag, given an id in the template block.
func isTemplate(v *inventory.VM, conv *config.Conventions) bool {
	if v.TemplateKnown {
		return v.Template
	}
	if v.IDKnown {
		if b, ok := conv.Block(v.ID); ok && b.Class == config.ClassTemplate {
			return true
		}
	}
	return false
}
