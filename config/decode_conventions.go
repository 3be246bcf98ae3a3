package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var conventionKeys = []string{
	"environments", "extend-id-ranges", "extend-vm-sources", "hostnames-as-vm-names",
	"id-ranges", "prefixes", "purposes", "replace-prefixes", "replace-purposes",
	"role-reference", "vm-sources",
}

// wordRe is a purpose prefix or an environment word: lowercase letters and
// digits, hyphen-separated, as they appear in a VM name.
var wordRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// conventions lays the [conventions] table over c and then checks the
// result as a whole (ranges nest, purposes name existing ranges), so a
// user's addition is checked against the default it joins. v is nil when
// the file has no [conventions].
func (d *decoder) conventions(c *Conventions, v any) {
	const sec = "conventions"
	t := map[string]any{}
	if v != nil {
		var ok bool
		if t, ok = d.table(sec, v); !ok {
			return
		}
	}
	d.checkKeys(sec, t, conventionKeys)
	if len(d.rangeKeys) != len(c.IDRanges) {
		d.rangeKeys = make([]string, len(c.IDRanges))
	}

	if raw, ok := t["role-reference"]; ok {
		key := keyPath(sec, "role-reference")
		if s, ok := d.str(key, raw); ok {
			if strings.Count(s, "{name}") != 1 {
				d.errorAt(key, true, "%q must hold {name} exactly once, as in \"role-{name}\"", s)
			} else {
				c.RoleReference = s
			}
		}
	}
	if raw, ok := t["environments"]; ok {
		key := keyPath(sec, "environments")
		if l, ok := d.strList(key, raw); ok && d.words(key, l) {
			c.Environments = l
		}
	}
	if raw, ok := t["hostnames-as-vm-names"]; ok {
		if b, ok := d.boolean(keyPath(sec, "hostnames-as-vm-names"), raw); ok {
			c.HostnamesAsVMNames = b
		}
	}
	if raw, ok := t["id-ranges"]; ok {
		if rs, keys, ok := d.idRanges(keyPath(sec, "id-ranges"), raw); ok {
			c.IDRanges, d.rangeKeys = rs, keys
		}
	}
	if raw, ok := t["extend-id-ranges"]; ok {
		if rs, keys, ok := d.idRanges(keyPath(sec, "extend-id-ranges"), raw); ok {
			c.IDRanges = append(append([]IDRange(nil), c.IDRanges...), rs...)
			d.rangeKeys = append(d.rangeKeys, keys...)
		}
	}
	if raw, ok := t["vm-sources"]; ok {
		if ss, ok := d.vmSources(keyPath(sec, "vm-sources"), raw); ok {
			c.VMSources = ss
		}
	}
	if raw, ok := t["extend-vm-sources"]; ok {
		if ss, ok := d.vmSources(keyPath(sec, "extend-vm-sources"), raw); ok {
			c.VMSources = append(append([]VMSource(nil), c.VMSources...), ss...)
		}
	}
	d.prefixes(c, t)
	d.purposes(c, t)
	d.checkRanges(c)
	d.checkPurposes(c)
}

// words checks environment words.
func (d *decoder) words(key string, l []string) bool {
	good := true
	for i, w := range l {
		if !wordRe.MatchString(w) {
			d.errorAt(indexPath(key, i), true, "%q must be lowercase letters and digits, as in \"dev\"", w)
			good = false
		}
	}
	return good
}

// replaceFlag reads replace-prefixes or replace-purposes.
func (d *decoder) replaceFlag(t map[string]any, name string) bool {
	raw, ok := t[name]
	if !ok {
		return false
	}
	b, _ := d.boolean(keyPath("conventions", name), raw)
	return b
}

func (d *decoder) prefixes(c *Conventions, t map[string]any) {
	replace := d.replaceFlag(t, "replace-prefixes")
	raw, ok := t["prefixes"]
	if !ok {
		if replace {
			d.errorAt("conventions.replace-prefixes", true, "replace-prefixes = true needs a [conventions.prefixes] table to replace the default with")
		}
		return
	}
	key := "conventions.prefixes"
	pt, ok := d.table(key, raw)
	if !ok {
		return
	}
	out := map[string]string{}
	if !replace {
		for k, v := range c.Prefixes {
			out[k] = v
		}
	}
	for _, p := range sortedKeys(pt) {
		pkey := keyPath(key, p)
		s, ok := d.str(pkey, pt[p])
		if !ok {
			continue
		}
		if !wordRe.MatchString(p) {
			d.errorAt(pkey, false, "prefix %q must be lowercase letters and digits, as in \"dns\": it starts a VM name", p)
			continue
		}
		out[p] = s
	}
	c.Prefixes = out
}

// spanRe is how a purpose names a range: "100-109".
var spanRe = regexp.MustCompile(`^\s*(\d+)\s*-\s*(\d+)\s*$`)

func (d *decoder) purposes(c *Conventions, t map[string]any) {
	replace := d.replaceFlag(t, "replace-purposes")
	raw, ok := t["purposes"]
	if !ok {
		if replace {
			d.errorAt("conventions.replace-purposes", true, "replace-purposes = true needs a [conventions.purposes] table to replace the default with")
		}
		return
	}
	key := "conventions.purposes"
	pt, ok := d.table(key, raw)
	if !ok {
		return
	}
	out := map[string][]Span{}
	if !replace {
		for k, v := range c.Purposes {
			out[k] = v
		}
	}
	if d.purposeKeys == nil {
		d.purposeKeys = map[string]string{}
	}
	for _, p := range sortedKeys(pt) {
		pkey := keyPath(key, p)
		l, ok := d.strList(pkey, pt[p])
		if !ok {
			continue
		}
		spans := make([]Span, 0, len(l))
		good := true
		for i, s := range l {
			m := spanRe.FindStringSubmatch(s)
			if m == nil {
				d.errorAt(indexPath(pkey, i), true, "%q is not a range: write \"start-end\", as \"100-109\"", s)
				good = false
				continue
			}
			a, errA := strconv.Atoi(m[1])
			b, errB := strconv.Atoi(m[2])
			if errA != nil || errB != nil {
				d.errorAt(indexPath(pkey, i), true, "%q is out of range", s)
				good = false
				continue
			}
			spans = append(spans, Span{a, b})
		}
		if good {
			out[p] = spans
			d.purposeKeys[p] = pkey
		}
	}
	c.Purposes = out
}

var rangeKeys = []string{"class", "end", "name", "start"}

// idRanges decodes a list of ranges, returning the key path of each.
func (d *decoder) idRanges(key string, raw any) ([]IDRange, []string, bool) {
	l, ok := d.list(key, raw)
	if !ok {
		return nil, nil, false
	}
	var out []IDRange
	var keys []string
	good := true
	for i, e := range l {
		ekey := indexPath(key, i)
		t, ok := d.table(ekey, e)
		if !ok {
			good = false
			continue
		}
		if !d.checkKeys(ekey, t, rangeKeys) {
			// A misspelt key makes the other checks of the entry noise.
			good = false
			continue
		}
		r := IDRange{Line: d.pos.lookup(ekey).keyLine}
		ok = d.intField(ekey, t, "start", &r.Start) && d.intField(ekey, t, "end", &r.End)
		if ok && r.Start < 1 {
			d.errorAt(keyPath(ekey, "start"), true, "a VM id starts at 1, not %d", r.Start)
			ok = false
		}
		if ok && r.End < r.Start {
			d.errorAt(keyPath(ekey, "end"), true, "range %d-%d is inverted: end must not be below start", r.Start, r.End)
			ok = false
		}
		if n, present := t["name"]; !present {
			d.errorAt(keyPath(ekey, "name"), false, "range %d-%d has no name: say what it is for, as CONVENTIONS.md does", r.Start, r.End)
			ok = false
		} else if s, isStr := d.str(keyPath(ekey, "name"), n); isStr {
			r.Name = s
		} else {
			ok = false
		}
		if c, present := t["class"]; present {
			ckey := keyPath(ekey, "class")
			if s, isStr := d.str(ckey, c); !isStr {
				ok = false
			} else if !contains(Classes, s) {
				d.errorAt(ckey, true, "unknown class %q%s; use one of %s", s, didYouMean(s, Classes), strings.Join(Classes, ", "))
				ok = false
			} else {
				r.Class = s
			}
		}
		if !ok {
			good = false
			continue
		}
		out = append(out, r)
		keys = append(keys, ekey)
	}
	return out, keys, good
}

// intField reads a mandatory integer field of a table.
func (d *decoder) intField(parent string, t map[string]any, name string, dst *int) bool {
	key := keyPath(parent, name)
	v, ok := t[name]
	if !ok {
		d.errorAt(key, false, "missing %q", name)
		return false
	}
	n, ok := d.integer(key, v)
	*dst = n
	return ok
}

// checkRanges sorts the ranges, checks that they nest or are disjoint and
// fills in inherited classes. Errors point at the user's entry of a
// conflicting pair.
func (d *decoder) checkRanges(c *Conventions) {
	type entry struct {
		r   IDRange
		key string
	}
	es := make([]entry, len(c.IDRanges))
	for i, r := range c.IDRanges {
		es[i].r = r
		if i < len(d.rangeKeys) {
			es[i].key = d.rangeKeys[i]
		}
	}
	rs := make([]IDRange, len(es))
	// Sort entries with their keys: same order as sortIDRanges.
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	sortIndex(idx, func(a, b int) bool {
		ra, rb := es[a].r, es[b].r
		if ra.Start != rb.Start {
			return ra.Start < rb.Start
		}
		return ra.End > rb.End
	})
	blame := func(a, b entry) string { // the user's entry of the two
		if b.key != "" {
			return b.key
		}
		if a.key != "" {
			return a.key
		}
		return "conventions.id-ranges"
	}
	var stack []entry
	for n, i := range idx {
		e := es[i]
		for len(stack) > 0 && stack[len(stack)-1].r.End < e.r.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			switch {
			case top.r.Start == e.r.Start && top.r.End == e.r.End:
				d.errorAt(blame(top, e), false, "range %s (%q) is defined twice (also %q)", e.r.Span(), e.r.Name, top.r.Name)
			case e.r.End > top.r.End:
				d.errorAt(blame(top, e), false, "range %s (%q) overlaps %s (%q) partially: ranges must nest or be disjoint", e.r.Span(), e.r.Name, top.r.Span(), top.r.Name)
			case e.r.Class == "":
				e.r.Class = top.r.Class
			case e.r.Class != top.r.Class && e.r.Class != ClassReserved:
				d.errorAt(keyPath(blame(top, e), "class"), true, "class %q inside %s (%q, class %s): a range inside another keeps its class or is %q",
					e.r.Class, top.r.Span(), top.r.Name, top.r.Class, ClassReserved)
			}
		} else if e.r.Class == "" {
			d.errorAt(keyPath(blame(e, e), "class"), false, "range %s (%q) lies in no other range, so it needs a class: one of %s",
				e.r.Span(), e.r.Name, strings.Join(Classes, ", "))
		}
		stack = append(stack, e)
		rs[n] = e.r
	}
	c.IDRanges = rs
	keys := make([]string, len(idx))
	for n, i := range idx {
		keys[n] = es[i].key
	}
	d.rangeKeys = keys
}

// checkPurposes checks that every purpose names existing ranges and that a
// purpose the user wrote is a prefix.
func (d *decoder) checkPurposes(c *Conventions) {
	for _, p := range sortedKeys(c.Purposes) {
		key, mine := d.purposeKeys[p]
		if mine && !c.IsPrefix(p) {
			d.errorAt(key, false, "purpose %q is not a prefix%s; add it to [conventions.prefixes] first", p, didYouMean(p, c.PrefixNames()))
		}
		for i, s := range c.Purposes[p] {
			if _, ok := c.RangeBySpan(s); ok {
				continue
			}
			if mine {
				d.errorAt(indexPath(key, i), true, "purpose %q is mapped to %s, which is not one of conventions.id-ranges%s", p, s, d.nearestRange(c, s))
			} else {
				d.errorAt("conventions.id-ranges", false, "the default purpose %q is mapped to %s, which is not in your id-ranges: map it to your ranges in [conventions.purposes], or set replace-purposes = true", p, s)
			}
		}
	}
}

// nearestRange suggests the range that holds the span's start.
func (d *decoder) nearestRange(c *Conventions, s Span) string {
	if r, ok := c.Range(s.Start); ok {
		return fmt.Sprintf(" (did you mean %s, %q?)", r.Span(), r.Name)
	}
	return ""
}
