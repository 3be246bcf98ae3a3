package suppress

// Set holds the directives of one file and records which of their rule
// names suppressed something.
type Set struct {
	Directives []*Directive
	used       map[*Directive]map[string]bool
}

// NewSet returns a Set over ds.
func NewSet(ds []*Directive) *Set {
	return &Set{Directives: ds, used: make(map[*Directive]map[string]bool)}
}

// Match returns the directive that suppresses a finding of rule starting on
// line, and marks it used. A line directive wins over a file directive, so
// that the reason shown is the most specific one.
func (s *Set) Match(rule string, line int) (*Directive, bool) {
	if s == nil {
		return nil, false
	}
	var file *Directive
	for _, d := range s.Directives {
		if d.Bad != "" || !names(d, rule) {
			continue
		}
		switch {
		case d.Kind == Line && d.Target == line:
			s.markUsed(d, rule)
			return d, true
		case d.Kind == File && file == nil:
			file = d
		}
	}
	if file != nil {
		s.markUsed(file, rule)
		return file, true
	}
	return nil, false
}

func (s *Set) markUsed(d *Directive, rule string) {
	m := s.used[d]
	if m == nil {
		m = make(map[string]bool)
		s.used[d] = m
	}
	m[rule] = true
}

// Used reports whether d's rule name suppressed at least one finding.
func (s *Set) Used(d *Directive, rule string) bool { return s.used[d][rule] }

func names(d *Directive, rule string) bool {
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}
