package config

import (
	"sort"
	"strings"
)

// rules lays the [rules.<id>] tables over cfg.Rules, key by key.
func (d *decoder) rules(cfg *Config, v any) {
	t, ok := d.table("rules", v)
	if !ok {
		return
	}
	for _, id := range sortedKeys(t) {
		key := keyPath("rules", id)
		if d.schema.checksRules() {
			if _, known := d.schema.Rules[id]; !known {
				d.errorAt(key, false, "unknown rule %q%s; `nixlint rules` lists the rules", id, didYouMean(id, d.schema.ruleIDs()))
				continue
			}
		}
		rt, ok := d.table(key, t[id])
		if !ok {
			continue
		}
		if cfg.Rules == nil {
			cfg.Rules = map[string]RuleConfig{}
		}
		rc := cfg.Rules[id]
		opts := make(map[string]any, len(rc.Options)+len(rt))
		for k, v := range rc.Options {
			opts[k] = v
		}
		rc.Line = d.pos.lookup(key).keyLine
		for _, name := range sortedKeys(rt) {
			okey := keyPath(key, name)
			val := rt[name]
			if name == "severity" {
				if s, ok := d.str(okey, val); ok {
					if !contains(Severities, s) {
						d.errorAt(okey, true, "unknown severity %q%s; use one of %s", s, didYouMean(s, Severities), strings.Join(Severities, ", "))
					} else {
						rc.Severity = s
					}
				}
				continue
			}
			if conv, ok := d.option(id, okey, name, val); ok {
				opts[name] = conv
			}
		}
		if len(opts) > 0 {
			rc.Options = opts
		}
		cfg.Rules[id] = rc
	}
}

// option checks one rule option against the schema and converts it to the
// Go type rules read: int, bool, string or []string.
func (d *decoder) option(rule, key, name string, v any) (any, bool) {
	if !d.schema.checksRules() {
		return convertGeneric(v), true
	}
	rs := d.schema.Rules[rule]
	def, known := rs.Options[name]
	if !known {
		names := append(sortedKeys(rs.Options), "severity")
		sort.Strings(names)
		if len(rs.Options) == 0 {
			d.errorAt(key, false, "unknown option %q: rule %s has no options, only severity", name, rule)
		} else {
			d.errorAt(key, false, "unknown option %q for rule %s%s; its options are %s", name, rule, didYouMean(name, names), strings.Join(names, ", "))
		}
		return nil, false
	}
	switch def.(type) {
	case int, int64:
		return d.integer(key, v)
	case bool:
		return d.boolean(key, v)
	case string:
		return d.str(key, v)
	case []string:
		return d.strList(key, v)
	}
	return convertGeneric(v), true
}

// convertGeneric turns go-toml's generic values into the Go types rules
// read: integers to int, arrays of strings to []string.
func convertGeneric(v any) any {
	switch x := v.(type) {
	case int64:
		return int(x)
	case []any:
		ss := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return x
			}
			ss = append(ss, s)
		}
		return ss
	}
	return v
}

var exceptionKeys = []string{"path", "reason", "rule"}

// exceptions replaces cfg.Exceptions with the [[exceptions]] entries.
func (d *decoder) exceptions(cfg *Config, v any) {
	l, ok := d.list("exceptions", v)
	if !ok {
		return
	}
	out := make([]Exception, 0, len(l))
	for i, raw := range l {
		key := indexPath("exceptions", i)
		t, ok := d.table(key, raw)
		if !ok {
			continue
		}
		if !d.checkKeys(key, t, exceptionKeys) {
			continue // a misspelt key ("reson") makes "no reason" noise
		}
		e := Exception{Line: d.pos.lookup(key).keyLine}
		good := true
		for _, field := range exceptionKeys {
			fkey := keyPath(key, field)
			val, present := t[field]
			if !present {
				d.errorAt(fkey, false, "exception has no %q: each [[exceptions]] entry needs path, rule and reason", field)
				good = false
				continue
			}
			s, ok := d.str(fkey, val)
			if !ok {
				good = false
				continue
			}
			switch field {
			case "path":
				if msg := checkGlob(s); msg != "" {
					d.errorAt(fkey, true, "%s", msg)
					good = false
				}
				e.Path = s
			case "rule":
				if d.schema.checksRules() {
					if _, known := d.schema.Rules[s]; !known {
						d.errorAt(fkey, true, "unknown rule %q%s; `nixlint rules` lists the rules", s, didYouMean(s, d.schema.ruleIDs()))
						good = false
					}
				}
				e.Rule = s
			case "reason":
				if strings.TrimSpace(s) == "" {
					d.errorAt(fkey, true, "an exception needs a reason: say why the rule does not apply here")
					good = false
				}
				e.Reason = s
			}
		}
		if good {
			out = append(out, e)
		}
	}
	cfg.Exceptions = out
}
