package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const docPath = "../docs/configuration.md"

// readDoc splits docs/configuration.md into the hand-written reference and
// the copy of the default file at its end.
func readDoc(t *testing.T) (reference, defaultCopy string) {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(docPath))
	if err != nil {
		t.Fatalf("reading the configuration reference: %v", err)
	}
	doc := string(b)
	const begin, end = "<!-- BEGIN default.toml -->\n", "<!-- END default.toml -->"
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q block", docPath, begin, end)
	}
	return doc[:i], doc[i+len(begin) : j]
}

// The copy of the default in the docs is the default, byte for byte.
func TestDocsShowTheDefault(t *testing.T) {
	_, got := readDoc(t)
	if want := "```toml\n" + DefaultTOML() + "```\n"; got != want {
		t.Errorf("the default in %s differs from config/default.toml; copy the file between the markers", docPath)
	}
}

// Every key nixlint accepts is described in the reference part of the docs
// (the copy of the default does not count), and every key of the default is
// one nixlint accepts.
func TestDocsDescribeEveryKey(t *testing.T) {
	ref, _ := readDoc(t)
	var keys []string
	for _, list := range [][]string{topKeys, layoutKeys, exceptionKeys, conventionKeys, rangeKeys, sourceKeys, {"severity"}} {
		keys = append(keys, list...)
	}
	for _, k := range keys {
		if !strings.Contains(ref, "`"+k+"`") {
			t.Errorf("key %q is not described in %s", k, docPath)
		}
	}
	for _, c := range Classes {
		if !strings.Contains(ref, "`"+c+"`") {
			t.Errorf("class %q is not described in %s", c, docPath)
		}
	}

	// The keys the default writes, without list indices and without the
	// free-form names of prefixes and purposes.
	index := regexp.MustCompile(`\[\d+\]`)
	for path := range indexPositions([]byte(DefaultTOML())) {
		path = index.ReplaceAllString(path, "")
		if strings.HasPrefix(path, "conventions.prefixes.") || strings.HasPrefix(path, "conventions.purposes.") {
			continue
		}
		leaf := path[strings.LastIndex(path, ".")+1:]
		if !contains(keys, leaf) {
			t.Errorf("default key %q is not in the decoder's key lists", path)
		}
	}
}

// Every prefix and purpose of the default appears in the docs' mapping
// table, so the prose cannot drift from the data.
func TestDocsPurposeTable(t *testing.T) {
	ref, _ := readDoc(t)
	for p, spans := range Default().Conventions.Purposes {
		row := regexp.MustCompile("(?m)^\\|[^\\n]*`" + regexp.QuoteMeta(p) + "`[^\\n]*\\|([^\\n]*)\\|$")
		m := row.FindStringSubmatch(ref)
		if m == nil {
			t.Errorf("purpose %q has no row in the mapping table of %s", p, docPath)
			continue
		}
		for _, s := range spans {
			if !strings.Contains(m[1], s.String()) {
				t.Errorf("purpose %q: row %q lacks %s", p, m[0], s)
			}
		}
	}
}
