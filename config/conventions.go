package config

import (
	"sort"
	"strconv"
	"strings"
)

// Range classes: the blocks of the VM id scheme of CONVENTIONS.md
// ("Proxmox VM ID Conventions", Overview), plus "reserved" for the blocks
// kept for future use (900-999 and 1500-1999).
const (
	ClassSystem      = "system"      // 1-99: reserved for cluster/system use
	ClassProduction  = "production"  // 100-999
	ClassTemplate    = "template"    // 1000-1999
	ClassDevelopment = "development" // 2000-2999
	ClassTemporary   = "temporary"   // 9000-9999
	ClassReserved    = "reserved"    // 900-999, 1500-1999: future use
)

// Classes lists the valid range classes.
var Classes = []string{ClassSystem, ClassProduction, ClassTemplate, ClassDevelopment, ClassTemporary, ClassReserved}

// Conventions is the machine-readable form of CONVENTIONS.md that the VM id
// and naming rules check against.
type Conventions struct {
	// IDRanges is the VM id scheme. Ranges nest (100-999 holds 100-199,
	// which holds 100-109) or are disjoint; they never overlap partially.
	// Sorted by Start, an enclosing range before the ranges it holds.
	IDRanges []IDRange

	// Prefixes is the purpose vocabulary of VM names: prefix -> meaning
	// ("dns" -> "DNS Servers").
	Prefixes map[string]string

	// Purposes maps a purpose prefix to the production id ranges its VMs
	// belong in ("db" -> 220-239). Every span is one of IDRanges.
	Purposes map[string][]Span

	// Environments are the environment words a VM name should not carry as
	// a prefix or suffix ("dev", "prod", …).
	Environments []string

	// RoleReference is how the machine registry names a role: a pattern
	// holding {name} once, e.g. "role-{name}" for nixosModules.role-web.
	RoleReference string

	// VMSources say where the repository declares VMs and containers.
	VMSources []VMSource

	// HostnamesAsVMNames makes the naming rules also check every
	// networking.hostName, not only declared VMs.
	HostnamesAsVMNames bool
}

// IDRange is one range of the VM id scheme.
type IDRange struct {
	Start, End int
	Name       string // "DNS/DHCP"
	Class      string // one of Classes; inherited from the enclosing range when not written
	Line       int    // line in the configuration file; 0 for the embedded default
}

// Span is an inclusive id interval, as a purpose refers to a range.
type Span struct{ Start, End int }

// Contains reports whether id lies in the range.
func (r IDRange) Contains(id int) bool { return r.Start <= id && id <= r.End }

// Span returns the range's bounds.
func (r IDRange) Span() Span { return Span{r.Start, r.End} }

// Contains reports whether id lies in the span.
func (s Span) Contains(id int) bool { return s.Start <= id && id <= s.End }

// String formats the span as the configuration writes it: "100-109".
func (s Span) String() string { return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End) }

// RangesAt returns the ranges holding id, outermost first (for 105:
// 100-999 Production VMs, 100-199 Infrastructure Services, 100-109
// DNS/DHCP), or nil when id is outside the scheme.
func (c *Conventions) RangesAt(id int) []IDRange {
	var out []IDRange
	for _, r := range c.IDRanges {
		if r.Contains(id) {
			out = append(out, r)
		}
	}
	return out
}

// Range returns the innermost range holding id: the one whose class and
// name describe it best.
func (c *Conventions) Range(id int) (IDRange, bool) {
	// The last range of RangesAt, without gathering them: the rules ask
	// for every VM.
	for i := len(c.IDRanges) - 1; i >= 0; i-- {
		if r := &c.IDRanges[i]; r.Contains(id) {
			return *r, true
		}
	}
	return IDRange{}, false
}

// Block returns the outermost range holding id (one of the Overview blocks
// in the default): its class says whether id is a template id, a production
// id…, even where the innermost range is "reserved".
func (c *Conventions) Block(id int) (IDRange, bool) {
	// The first range of RangesAt, without gathering them (nor copying
	// the ranges before it).
	for i := range c.IDRanges {
		if r := &c.IDRanges[i]; r.Contains(id) {
			return *r, true
		}
	}
	return IDRange{}, false
}

// RangeBySpan returns the range with exactly the bounds of s.
func (c *Conventions) RangeBySpan(s Span) (IDRange, bool) {
	for _, r := range c.IDRanges {
		if r.Start == s.Start && r.End == s.End {
			return r, true
		}
	}
	return IDRange{}, false
}

// PurposeRanges returns the ranges a purpose's VMs belong in, or nil when
// the purpose has no mapping.
func (c *Conventions) PurposeRanges(purpose string) []IDRange {
	var out []IDRange
	for _, s := range c.Purposes[purpose] {
		if r, ok := c.RangeBySpan(s); ok {
			out = append(out, r)
		}
	}
	return out
}

// IsPrefix reports whether p is in the purpose vocabulary.
func (c *Conventions) IsPrefix(p string) bool {
	_, ok := c.Prefixes[p]
	return ok
}

// PrefixNames returns the purpose prefixes, sorted (for did-you-mean
// suggestions and deterministic output).
func (c *Conventions) PrefixNames() []string {
	return sortedKeys(c.Prefixes)
}

// IsEnvironment reports whether word is one of the environment words.
func (c *Conventions) IsEnvironment(word string) bool {
	for _, e := range c.Environments {
		if e == word {
			return true
		}
	}
	return false
}

// RoleRef returns the registry's reference to the role name ("web" ->
// "role-web").
func (c *Conventions) RoleRef(name string) string {
	return strings.Replace(c.RoleReference, "{name}", name, 1)
}

// RoleName returns the role a registry reference names ("role-web" ->
// "web"), or false when ref does not follow the pattern.
func (c *Conventions) RoleName(ref string) (string, bool) {
	before, after, ok := strings.Cut(c.RoleReference, "{name}")
	if !ok || len(ref) <= len(before)+len(after) ||
		!strings.HasPrefix(ref, before) || !strings.HasSuffix(ref, after) {
		return "", false
	}
	return ref[len(before) : len(ref)-len(after)], true
}

// sortIDRanges orders ranges by start, an enclosing range before the ranges
// it holds.
func sortIDRanges(rs []IDRange) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Start != rs[j].Start {
			return rs[i].Start < rs[j].Start
		}
		return rs[i].End > rs[j].End
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
