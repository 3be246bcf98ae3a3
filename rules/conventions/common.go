package conventions

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory"
)

// requires is what every rule of the package reads.
var requires = []*analysis.Analyzer{inventory.Analyzer}

// inv returns the inventory computed for the pass.
func inv(pass *analysis.Pass) *inventory.Inventory {
	if v, ok := pass.ResultOf[inventory.Analyzer].(*inventory.Inventory); ok && v != nil && v.Conv != nil {
		return v
	}
	return &inventory.Inventory{Conv: &config.Conventions{}}
}

// rangeText formats a range as messages write it: "220-239 (Database
// Servers)".
func rangeText(r config.IDRange) string {
	if r.Name == "" {
		return r.Span().String()
	}
	return r.Span().String() + " (" + r.Name + ")"
}

// nextFreeText says which id to take in r: "220, the next free id there"
// or that the range is full.
func nextFreeText(r config.IDRange, used map[int]bool) string {
	next := inventory.NextFree(r, used, 1)
	if len(next) == 0 {
		return "no id is free in " + rangeText(r)
	}
	return fmt.Sprintf("%d is the next free id in %s", next[0], rangeText(r))
}

// nextFree returns a memoized nextFreeText over the inventory's ids, so
// that a repository with many findings does not recompute a range's
// suggestion for each.
func nextFree(in *inventory.Inventory) func(config.IDRange) string {
	used := in.UsedIDs()
	memo := map[config.Span]string{}
	return func(r config.IDRange) string {
		if s, ok := memo[r.Span()]; ok {
			return s
		}
		s := nextFreeText(r, used)
		memo[r.Span()] = s
		return s
	}
}

// purposeRanges returns the vocabulary prefix of the VM's name and the
// ranges the mapping gives it, or false when the name has no mapped
// purpose.
func purposeRanges(v *inventory.VM, conv *config.Conventions) (string, []config.IDRange, bool) {
	if !v.NameKnown {
		return "", nil, false
	}
	p, ok := purposeOf(hostLabel(v.Name), conv)
	if !ok {
		return "", nil, false
	}
	if k, ok := knownPurpose(p, conv); ok {
		p = k
	}
	rs := conv.PurposeRanges(p)
	return p, rs, len(rs) > 0
}

// spans formats ranges as "220-239 (Database Servers) or 380-399 (…)".
func spans(rs []config.IDRange) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = rangeText(r)
	}
	return strings.Join(parts, " or ")
}

// blocks lists the top-level blocks of the scheme, for messages about an
// id outside all of them.
func blocks(conv *config.Conventions) string {
	var parts []string
	for _, r := range conv.IDRanges {
		if outer, ok := conv.Block(r.Start); ok && outer.Start == r.Start && outer.End == r.End {
			parts = append(parts, rangeText(r))
		}
	}
	return strings.Join(parts, ", ")
}

// templateBlock returns the outermost range of the template class.
func templateBlock(conv *config.Conventions) (config.IDRange, bool) {
	for _, r := range conv.IDRanges {
		if r.Class != config.ClassTemplate {
			continue
		}
		if outer, ok := conv.Block(r.Start); ok && outer.Start == r.Start && outer.End == r.End {
			return r, true
		}
	}
	return config.IDRange{}, false
}

// firstUsable returns the first leaf range inside outer that takes new VMs
// (not system, not reserved), for suggestions.
func firstUsable(conv *config.Conventions, outer config.IDRange) (config.IDRange, bool) {
	for _, r := range inventory.Leaves(conv) {
		if outer.Start <= r.Start && r.End <= outer.End && r.Class != config.ClassReserved && r.Class != config.ClassSystem {
			return r, true
		}
	}
	return config.IDRange{}, false
}

// at formats where another declaration is, for messages about pairs.
func at(v *inventory.VM) string {
	return v.File + ":" + strconv.Itoa(v.Line)
}

// sameName reports whether two names are the same host: DNS ignores case,
// and web-01.lan is web-01 with its domain.
func sameName(a, b *inventory.VM) bool {
	return a.NameKnown && b.NameKnown && strings.EqualFold(hostLabel(a.Name), hostLabel(b.Name))
}

// hostLabel returns the host part of a name written as a domain name
// (web-01 for web-01.lab.example): the naming convention is about that
// label. A dot not followed by a letter (web.01) is a separator, not a
// domain, and the name is returned whole.
func hostLabel(name string) string {
	label, domain, ok := strings.Cut(name, ".")
	if !ok || label == "" || domain == "" || !(domain[0] >= 'a' && domain[0] <= 'z' || domain[0] >= 'A' && domain[0] <= 'Z') {
		return name
	}
	return label
}

// distinct reports whether two declarations are certainly two different
// VMs: their ids differ, or they are two sets of the same source (two
// terranix resources), or, when checking ids, their names differ.
func distinct(a, b *inventory.VM, byName bool) bool {
	if a.IDKnown && b.IDKnown && a.ID != b.ID {
		return true
	}
	if a.Source == b.Source && strings.Join(a.Set, ".") != strings.Join(b.Set, ".") {
		return true
	}
	if byName && a.NameKnown && b.NameKnown && !sameName(a, b) {
		return true
	}
	return false
}

// maxShown is the longest name a message quotes in full.
const maxShown = 64

// label names a VM in a message: its name, or its attribute path, cut to
// a readable length.
func label(v *inventory.VM) string { return shorten(v.Label()) }

// quoted quotes a name for a message, cut to a readable length.
func quoted(s string) string { return strconv.Quote(shorten(s)) }

func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown - 3
	for cut > 0 && s[cut]&0xc0 == 0x80 {
		cut-- // do not split a UTF-8 sequence
	}
	return s[:cut] + "..."
}
