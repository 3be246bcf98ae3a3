package config

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// decoder lays a decoded TOML document over a Config, checking every key,
// type and value on the way. go-toml gives the values (and the syntax
// errors, with positions); positions of everything else come from the index
// built by indexPositions. go-toml's strict mode (DisallowUnknownFields and
// StrictMissingError) is not used: half of the keys are not struct fields
// (rule options depend on the Schema, prefixes and purposes are free-form
// names), overlay semantics (extend-, replace-) need to see what the user
// wrote rather than a merged struct, and its errors offer no did-you-mean.
// All errors are collected so the first one in the file can be reported,
// whatever order maps are visited in.
type decoder struct {
	file   string
	pos    positions
	schema *Schema // nil: rule ids and options are not checked (the embedded default)
	errs   []*Error

	// rangeKeys[i] is the key path that wrote Conventions.IDRanges[i], or
	// "" for a range of the embedded default: errors about a range point at
	// the user's entry.
	rangeKeys []string
	// purposeKeys[p] is the key path of the user's purposes entry for p.
	purposeKeys map[string]string
}

// errorAt records an error about the key at path. onValue points the
// position at the value (for bad values) rather than at the key (for
// unknown keys).
func (d *decoder) errorAt(path string, onValue bool, format string, args ...any) {
	p := d.pos.lookup(path)
	line, col := p.keyLine, p.keyCol
	if onValue && p.valLine > 0 {
		line, col = p.valLine, p.valCol
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Column: col, Key: path, Msg: fmt.Sprintf(format, args...)})
}

// firstError returns the error that comes first in the file.
func (d *decoder) firstError() error {
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return d.errs[0]
}

// unknownKey reports a key that is not one of known.
func (d *decoder) unknownKey(parent, key string, known []string) {
	where := "at the top level"
	if parent != "" {
		where = "in [" + parent + "]"
	}
	d.errorAt(keyPath(parent, key), false, "unknown key %q %s%s; known keys: %s",
		key, where, didYouMean(key, known), strings.Join(known, ", "))
}

// checkKeys reports every key of t not in known, in sorted order, and
// whether all keys were known.
func (d *decoder) checkKeys(parent string, t map[string]any, known []string) bool {
	good := true
	for _, k := range sortedKeys(t) {
		if !contains(known, k) {
			d.unknownKey(parent, k, known)
			good = false
		}
	}
	return good
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// typeName names the TOML type of a decoded value, with its article.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time, toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return "a date/time"
	}
	return fmt.Sprintf("a %T", v)
}

func (d *decoder) wrongType(path, want string, v any) {
	d.errorAt(path, true, "must be %s, not %s", want, typeName(v))
}

func (d *decoder) table(path string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		d.wrongType(path, "a table", v)
	}
	return t, ok
}

func (d *decoder) str(path string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		d.wrongType(path, "a string", v)
	}
	return s, ok
}

func (d *decoder) boolean(path string, v any) (bool, bool) {
	b, ok := v.(bool)
	if !ok {
		d.wrongType(path, "a boolean (true or false)", v)
	}
	return b, ok
}

func (d *decoder) integer(path string, v any) (int, bool) {
	n, ok := v.(int64)
	if !ok {
		d.wrongType(path, "an integer", v)
		return 0, false
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		d.errorAt(path, true, "%d is out of range", n)
		return 0, false
	}
	return int(n), true
}

// list accepts an array; go-toml decodes [[x]] tables as []map[string]any
// in some versions and []any in others, so both are taken.
func (d *decoder) list(path string, v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []map[string]any:
		out := make([]any, len(l))
		for i, m := range l {
			out[i] = m
		}
		return out, true
	}
	d.wrongType(path, "an array", v)
	return nil, false
}

func (d *decoder) strList(path string, v any) ([]string, bool) {
	l, ok := d.list(path, v)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for i, e := range l {
		s, ok := e.(string)
		if !ok {
			d.wrongType(indexPath(path, i), "a string", e)
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// Top-level keys.
var topKeys = []string{"conventions", "exceptions", "exclude", "extend-exclude", "layout", "rules"}

// apply lays doc over cfg.
func (d *decoder) apply(cfg *Config, doc map[string]any) {
	d.checkKeys("", doc, topKeys)
	if v, ok := doc["exclude"]; ok {
		if globs, ok := d.globs("exclude", v); ok {
			cfg.Exclude = globs
		}
	}
	if v, ok := doc["extend-exclude"]; ok {
		if globs, ok := d.globs("extend-exclude", v); ok {
			cfg.Exclude = append(append([]string(nil), cfg.Exclude...), globs...)
		}
	}
	if v, ok := doc["layout"]; ok {
		d.layout(&cfg.Layout, v)
	}
	if v, ok := doc["rules"]; ok {
		d.rules(cfg, v)
	}
	if v, ok := doc["exceptions"]; ok {
		d.exceptions(cfg, v)
	}
	conv, _ := doc["conventions"]
	d.conventions(&cfg.Conventions, conv)
}

func (d *decoder) globs(key string, v any) ([]string, bool) {
	l, ok := d.strList(key, v)
	if !ok {
		return nil, false
	}
	good := true
	for i, g := range l {
		if msg := checkGlob(g); msg != "" {
			d.errorAt(indexPath(key, i), true, "%s", msg)
			good = false
		}
	}
	return l, good
}

var layoutKeys = []string{"flake", "infrastructure", "modules", "packages", "roles"}

func (d *decoder) layout(l *Layout, v any) {
	t, ok := d.table("layout", v)
	if !ok {
		return
	}
	d.checkKeys("layout", t, layoutKeys)
	fields := map[string]*string{
		"flake": &l.Flake, "roles": &l.Roles, "modules": &l.Modules,
		"packages": &l.Packages, "infrastructure": &l.Infrastructure,
	}
	for _, k := range layoutKeys {
		raw, ok := t[k]
		if !ok {
			continue
		}
		key := keyPath("layout", k)
		s, ok := d.str(key, raw)
		if !ok {
			continue
		}
		clean := path.Clean(strings.TrimSuffix(s, "/"))
		switch {
		case s == "" || clean == ".":
			d.errorAt(key, true, "must name a folder below the repository root, not be empty")
		case strings.HasPrefix(s, "/") || strings.Contains(s, `\`):
			d.errorAt(key, true, "%q must be relative to the repository root, with forward slashes", s)
		case clean == ".." || strings.HasPrefix(clean, "../"):
			d.errorAt(key, true, "%q points outside the repository root", s)
		default:
			*fields[k] = clean
		}
	}
}
