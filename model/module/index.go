package module

import "strings"

// Index answers, for many paths, whether a set of options covers them,
// without scanning every option for every path.
type Index struct {
	exact    map[string]bool // the options' paths, dotted
	prefixes map[string]bool // every proper prefix of an option's path
	dynamic  []*Option       // options with a dynamic segment, scanned
}

// NewIndex indexes options.
func NewIndex(opts []*Option) *Index {
	ix := &Index{exact: make(map[string]bool), prefixes: make(map[string]bool)}
	for _, o := range opts {
		if dynamicPath(o.Path) {
			ix.dynamic = append(ix.dynamic, o)
			continue
		}
		ix.exact[PathString(o.Path)] = true
		for i := 1; i < len(o.Path); i++ {
			ix.prefixes[PathString(o.Path[:i])] = true
		}
	}
	return ix
}

// Covers reports whether p is an option's path, lies below one (a value
// inside an attrs option), or is a set of options (a proper prefix of one).
func (ix *Index) Covers(p []string) bool {
	if dynamicPath(p) {
		return ix.scan(p, ix.all())
	}
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
		if ix.exact[b.String()] {
			return true
		}
	}
	if ix.prefixes[b.String()] {
		return true
	}
	return ix.scan(p, ix.dynamic)
}

func (ix *Index) all() []*Option {
	out := append([]*Option(nil), ix.dynamic...)
	for k := range ix.exact {
		out = append(out, &Option{Path: strings.Split(k, ".")})
	}
	return out
}

func (ix *Index) scan(p []string, opts []*Option) bool {
	for _, o := range opts {
		if HasPrefix(p, o.Path) || HasPrefix(o.Path, p) {
			return true
		}
	}
	return false
}

func dynamicPath(p []string) bool {
	for _, s := range p {
		if s == Dynamic {
			return true
		}
	}
	return false
}
