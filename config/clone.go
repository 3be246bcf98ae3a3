package config

import "slices"

// clone returns a deep copy of c, so callers of Default may change what
// they get without changing the next caller's default.
func (c *Config) clone() *Config {
	out := *c
	out.Exclude = slices.Clone(c.Exclude)
	out.Exceptions = slices.Clone(c.Exceptions)
	if c.Rules != nil {
		out.Rules = make(map[string]RuleConfig, len(c.Rules))
		for id, rc := range c.Rules {
			rc.Options = cloneOptions(rc.Options)
			out.Rules[id] = rc
		}
	}
	cv := &out.Conventions
	cv.IDRanges = slices.Clone(c.Conventions.IDRanges)
	cv.Environments = slices.Clone(c.Conventions.Environments)
	if c.Conventions.Prefixes != nil {
		cv.Prefixes = make(map[string]string, len(c.Conventions.Prefixes))
		for k, v := range c.Conventions.Prefixes {
			cv.Prefixes[k] = v
		}
	}
	if c.Conventions.Purposes != nil {
		cv.Purposes = make(map[string][]Span, len(c.Conventions.Purposes))
		for k, v := range c.Conventions.Purposes {
			cv.Purposes[k] = slices.Clone(v)
		}
	}
	cv.VMSources = make([]VMSource, len(c.Conventions.VMSources))
	for i, s := range c.Conventions.VMSources {
		s.ID = slices.Clone(s.ID)
		cv.VMSources[i] = s
	}
	if c.Conventions.VMSources == nil {
		cv.VMSources = nil
	}
	return &out
}

func cloneOptions(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if ss, ok := v.([]string); ok {
			v = slices.Clone(ss)
		}
		out[k] = v
	}
	return out
}
