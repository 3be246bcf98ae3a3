package config

import (
	"fmt"
	"strings"
)

// VM kinds: Proxmox has one id space for both.
const (
	KindVM        = "vm"
	KindContainer = "container"
)

// VMSource is one place where a repository declares VMs or containers: an
// attribute-path pattern for the attribute set describing one VM, and where
// in that set its id, name and template flag are.
//
// For `resource.proxmox_lxc.web.vmid = 201; resource.proxmox_lxc.web.hostname
// = "web-01";` the source is Path "resource.proxmox_lxc.<r>", ID ["vmid"],
// Name "hostname", Kind "container".
type VMSource struct {
	// Path matches the attribute path of the VM's attribute set. Segments
	// are separated by dots; "<name>" matches one segment that is the VM's
	// name; any other "<word>" matches one segment; "**" matches zero or
	// more segments.
	Path string
	// ID lists the attributes, relative to the VM's set, that hold its id;
	// the first one defined wins. Empty for a source that declares names
	// only (nixpkgs' proxmox.qemuConf.name).
	ID []string
	// Name is the attribute, relative to the VM's set, holding its name,
	// for sources whose path has no <name> segment.
	Name string
	// Template is the attribute, relative to the VM's set, holding a
	// boolean "this is a template" flag; empty when the source has none.
	Template string
	// Kind is KindVM or KindContainer.
	Kind string
	// Line in the configuration file; 0 for the embedded default.
	Line int
}

// SourceMatch is what a VMSource's Path matched.
type SourceMatch struct {
	// Set is the matched attribute path of the VM's set (the leading
	// segments of the path given to Match).
	Set []string
	// Name is the segment matched by <name>, or "" when the path has none.
	Name string
}

// Match matches the leading segments of attribute path attrs against the
// source's Path. It returns the shortest matching prefix, so
// Match(["proxmox","qemu","web-01","vmid"]) with Path "proxmox.qemu.<name>"
// gives Set ["proxmox","qemu","web-01"] and Name "web-01"; the caller then
// looks at the remainder (["vmid"]) to see which attribute it is.
//
// The path is split once and cached (see Pattern); to match many paths,
// hold on to s.Pattern().
func (s VMSource) Match(attrs []string) (SourceMatch, bool) {
	return s.Pattern().Match(attrs)
}

// matchSegments matches a whole path against a whole pattern, returning
// the segment bound to <name>. "**" backtracks; patterns are short, and a
// pattern holds few "**", so the search stays small.
func matchSegments(pat, attrs []string) (string, bool) {
	if len(pat) == 0 {
		return "", len(attrs) == 0
	}
	switch p := pat[0]; {
	case p == "**":
		for i := 0; i <= len(attrs); i++ {
			if name, ok := matchSegments(pat[1:], attrs[i:]); ok {
				return name, true
			}
		}
		return "", false
	case len(attrs) == 0:
		return "", false
	case p == "<name>":
		name, ok := matchSegments(pat[1:], attrs[1:])
		if ok && name == "" {
			name = attrs[0]
		}
		return name, ok
	case isPlaceholder(p) || p == attrs[0]:
		return matchSegments(pat[1:], attrs[1:])
	}
	return "", false
}

func isPlaceholder(seg string) bool {
	return len(seg) > 2 && seg[0] == '<' && seg[len(seg)-1] == '>'
}

// checkAttrPattern validates a source path pattern, returning a message
// for the user or "".
func checkAttrPattern(p string) string {
	if p == "" {
		return "must not be empty"
	}
	names, stars := 0, 0
	for _, seg := range strings.Split(p, ".") {
		switch {
		case seg == "":
			return fmt.Sprintf("%q has an empty segment (two dots, or a dot at an end)", p)
		case seg == "**":
			stars++
		case strings.ContainsAny(seg, "*?[]{}\"'"):
			return fmt.Sprintf("%q: segment %q: only literal names, <placeholders> and ** are allowed", p, seg)
		case seg == "<name>":
			names++
		case strings.ContainsAny(seg, "<>") && !isPlaceholder(seg):
			return fmt.Sprintf("%q: segment %q: a placeholder is a whole segment, like <name>", p, seg)
		}
	}
	if names > 1 {
		return fmt.Sprintf("%q holds <name> more than once", p)
	}
	if stars > 2 {
		return fmt.Sprintf("%q holds ** more than twice", p)
	}
	return ""
}

// checkRelPath validates an attribute path relative to the VM's set.
func checkRelPath(p string) string {
	if strings.HasPrefix(p, ".") {
		return fmt.Sprintf("%q: write the path relative to the VM's attribute set, without a leading dot (%q)", p, strings.TrimLeft(p, "."))
	}
	for _, seg := range strings.Split(p, ".") {
		if seg == "" {
			return fmt.Sprintf("%q has an empty segment", p)
		}
		if strings.ContainsAny(seg, "<>*?[]{}\"'") {
			return fmt.Sprintf("%q: segment %q: only literal attribute names are allowed here", p, seg)
		}
	}
	return ""
}
