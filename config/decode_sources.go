package config

import "strings"

var sourceKeys = []string{"id", "kind", "name", "path", "template"}

// vmSources decodes a list of VM inventory sources.
func (d *decoder) vmSources(key string, raw any) ([]VMSource, bool) {
	l, ok := d.list(key, raw)
	if !ok {
		return nil, false
	}
	out := make([]VMSource, 0, len(l))
	good := true
	for i, e := range l {
		ekey := indexPath(key, i)
		t, ok := d.table(ekey, e)
		if !ok {
			good = false
			continue
		}
		if s, ok := d.vmSource(ekey, t); ok {
			out = append(out, s)
		} else {
			good = false
		}
	}
	return out, good
}

func (d *decoder) vmSource(key string, t map[string]any) (VMSource, bool) {
	s := VMSource{Kind: KindVM, ID: []string{}, Line: d.pos.lookup(key).keyLine}
	if !d.checkKeys(key, t, sourceKeys) {
		return s, false // a misspelt key makes the other checks noise
	}
	good := true
	str := func(field string, dst *string) {
		v, ok := t[field]
		if !ok {
			return
		}
		if x, ok := d.str(keyPath(key, field), v); ok {
			*dst = x
		} else {
			good = false
		}
	}
	str("path", &s.Path)
	str("name", &s.Name)
	str("template", &s.Template)
	str("kind", &s.Kind)
	if v, ok := t["id"]; ok {
		if ids, ok := d.strList(keyPath(key, "id"), v); ok {
			s.ID = ids
			for j, id := range ids {
				if msg := checkRelPath(id); msg != "" {
					d.errorAt(indexPath(keyPath(key, "id"), j), true, "%s", msg)
					good = false
				}
			}
		} else {
			good = false
		}
	}
	if !good {
		return s, false
	}
	if _, ok := t["path"]; !ok {
		d.errorAt(keyPath(key, "path"), false, "a VM source needs a path: the attribute path of one VM's attribute set, as \"proxmox.qemu.<name>\"")
		return s, false
	}
	if msg := checkAttrPattern(s.Path); msg != "" {
		d.errorAt(keyPath(key, "path"), true, "%s", msg)
		good = false
	}
	for _, f := range []struct{ field, val string }{{"name", s.Name}, {"template", s.Template}} {
		if _, ok := t[f.field]; ok {
			if msg := checkRelPath(f.val); msg != "" {
				d.errorAt(keyPath(key, f.field), true, "%s", msg)
				good = false
			}
		}
	}
	if s.Kind != KindVM && s.Kind != KindContainer {
		d.errorAt(keyPath(key, "kind"), true, "unknown kind %q; use %q or %q", s.Kind, KindVM, KindContainer)
		good = false
	}
	hasName := strings.Contains(s.Path, "<name>")
	switch {
	case hasName && s.Name != "":
		d.errorAt(keyPath(key, "name"), true, "the path already names the VM with <name>; drop name, or <name> from the path")
		good = false
	case !hasName && s.Name == "" && good:
		d.errorAt(keyPath(key, "path"), true, "this source gives the VM no name: put <name> in the path, or set name to the attribute holding it")
		good = false
	}
	return s, good
}
