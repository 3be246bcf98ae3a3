// Package baseline records the findings of a run so that later runs hide
// them, and reports the entries that no longer match anything.
//
// A baseline file is JSON:
//
//	{
//	  "version": 1,
//	  "entries": [
//	    {"rule": "duplicate-attr", "file": "modules/x.nix", "fingerprint": "3f2a…", "message": "…"}
//	  ]
//	}
//
// Entries are sorted by file, rule, fingerprint and message, so the same
// findings always give the same bytes. An entry matches a finding with the
// same rule, file and fingerprint; the fingerprint hashes the rule, the file
// and the whitespace-normalized text of the offending range (not its line
// number), so edits elsewhere in the file keep entries matched. Identical
// entries are counted: two entries hide two identical findings, not three.
// The message is kept for people reading the file; it is not matched.
package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// Version is the format version written and accepted.
const Version = 1

// Entry is one recorded finding.
type Entry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message,omitempty"`
}

// Baseline is the content of a baseline file.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Sort orders the entries deterministically.
func (b *Baseline) Sort() {
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Fingerprint != y.Fingerprint {
			return x.Fingerprint < y.Fingerprint
		}
		return x.Message < y.Message
	})
}

// Marshal returns the baseline as indented JSON with a final newline.
func (b *Baseline) Marshal() ([]byte, error) {
	c := *b
	c.Version = Version
	if c.Entries == nil {
		c.Entries = []Entry{}
	}
	c.Sort()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the baseline to path.
func (b *Baseline) Write(path string) error {
	data, err := b.Marshal()
	if err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// Read reads and checks a baseline file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes a baseline; name is used in error messages.
func Parse(name string, data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: unsupported version %d (want %d)", name, b.Version, Version)
	}
	for i, e := range b.Entries {
		if e.Rule == "" || e.File == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: entry %d lacks rule, file or fingerprint", name, i+1)
		}
	}
	return &b, nil
}

type key struct{ rule, file, fp string }

// Matcher hides findings listed in a baseline, each entry at most once.
type Matcher struct {
	left  map[key]int
	order []Entry // entries in file order, for reporting stale ones
}

// NewMatcher returns a matcher over b's entries.
func NewMatcher(b *Baseline) *Matcher {
	m := &Matcher{left: make(map[key]int)}
	for _, e := range b.Entries {
		m.left[key{e.Rule, e.File, e.Fingerprint}]++
	}
	m.order = append(m.order, b.Entries...)
	return m
}

// Match reports whether a finding is in the baseline, consuming one entry.
func (m *Matcher) Match(rule, file, fingerprint string) bool {
	k := key{rule, file, fingerprint}
	if m.left[k] > 0 {
		m.left[k]--
		return true
	}
	return false
}

// Stale returns the entries that matched no finding, in baseline order.
func (m *Matcher) Stale() []Entry {
	left := make(map[key]int, len(m.left))
	for k, n := range m.left {
		left[k] = n
	}
	var out []Entry
	for _, e := range m.order {
		k := key{e.Rule, e.File, e.Fingerprint}
		if left[k] > 0 {
			left[k]--
			out = append(out, e)
		}
	}
	return out
}
