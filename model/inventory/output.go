package inventory

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/nixlint/nixlint/config"
)

// JSONVersion is the version of the JSON document WriteJSON writes;
// docs/conventions.md describes it. It changes only when a field changes
// meaning or disappears.
const JSONVersion = 1

// NextCount is how many free ids the output suggests per range.
const NextCount = 3

// Report is the JSON document of `nixlint inventory --format json`.
type Report struct {
	Version int          `json:"version"`
	VMs     []ReportVM   `json:"vms"`
	Ranges  []ReportUse  `json:"ranges"`
	Outside []int        `json:"outside"`
	Skipped []ReportSkip `json:"skipped"`
}

// ReportVM is one VM or container.
type ReportVM struct {
	Name     *string      `json:"name"` // null when not constant
	ID       *int         `json:"id"`   // null when absent or not constant
	Range    *ReportRange `json:"range"`
	Kind     string       `json:"kind"`
	Template bool         `json:"template"`
	Tags     []string     `json:"tags"`
	Source   string       `json:"source"`
	Path     string       `json:"path"`
	File     string       `json:"file"`
	Line     int          `json:"line"`
}

// ReportRange names a range of the id scheme.
type ReportRange struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Name  string `json:"name"`
	Class string `json:"class"`
}

// ReportUse is a range with the ids in use and the next free ones.
type ReportUse struct {
	ReportRange
	Used []int `json:"used"`
	Next []int `json:"next"`
}

// ReportSkip is a declaration that was not checked.
type ReportSkip struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Name   string `json:"name,omitempty"`
	Path   string `json:"path"`
	What   string `json:"what"`
	Reason string `json:"reason"`
	Source string `json:"source"`
}

// Build returns the report of the inventory: VMs sorted by id (VMs
// without one last), then name and place; the ranges in use (every leaf
// range when all is set).
func (inv *Inventory) Build(all bool) *Report {
	r := &Report{Version: JSONVersion, VMs: []ReportVM{}, Ranges: []ReportUse{}, Outside: []int{}, Skipped: []ReportSkip{}}
	for _, v := range inv.sortedVMs() {
		rv := ReportVM{Kind: v.Kind, Template: v.TemplateKnown && v.Template, Tags: append([]string{}, v.Tags...),
			Source: v.Source, Path: strings.Join(v.Set, "."), File: v.File, Line: v.Line}
		if v.NameKnown {
			name := v.Name
			rv.Name = &name
		}
		if v.IDKnown {
			id := v.ID
			rv.ID = &id
			if rg, ok := inv.Conv.Range(id); ok {
				rv.Range = reportRange(rg)
			}
		}
		r.VMs = append(r.VMs, rv)
	}
	for _, u := range inv.Ranges(all, NextCount) {
		r.Ranges = append(r.Ranges, ReportUse{ReportRange: *reportRange(u.Range), Used: nonNil(u.Used), Next: nonNil(u.Next)})
	}
	r.Outside = nonNil(inv.Outside())
	for _, s := range inv.Skipped {
		r.Skipped = append(r.Skipped, ReportSkip{File: s.File, Line: s.Line, Name: s.VM, Path: s.Set, What: s.What, Reason: s.Reason, Source: s.Source})
	}
	return r
}

func reportRange(rg config.IDRange) *ReportRange {
	return &ReportRange{Start: rg.Start, End: rg.End, Name: rg.Name, Class: rg.Class}
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// sortedVMs orders the VMs for output: by id, VMs without one last, then
// by name, file and line.
func (inv *Inventory) sortedVMs() []*VM {
	vms := append([]*VM(nil), inv.VMs...)
	sort.SliceStable(vms, func(i, j int) bool {
		a, b := vms[i], vms[j]
		if a.IDKnown != b.IDKnown {
			return a.IDKnown
		}
		if a.IDKnown && a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Label() != b.Label() {
			return a.Label() < b.Label()
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return vms
}

// WriteJSON writes the report as indented JSON.
func (inv *Inventory) WriteJSON(w io.Writer, all bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(inv.Build(all)); err != nil {
		return fmt.Errorf("writing the inventory: %w", err)
	}
	return nil
}

// WriteText writes the VM table, the ranges in use with the next free ids,
// and the skipped declarations.
func (inv *Inventory) WriteText(w io.Writer, all bool) error {
	r := inv.Build(all)
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%s\n\n", count(len(r.VMs), "VM or container", "VMs and containers"))
	if len(r.VMs) > 0 {
		tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tID\tRANGE\tKIND\tSOURCE")
		for _, v := range r.VMs {
			name, id, rg := "?", "-", "-"
			if v.Name != nil {
				name = sanitize(*v.Name)
			}
			if v.ID != nil {
				id = strconv.Itoa(*v.ID)
				rg = "outside the scheme"
				if v.Range != nil {
					rg = fmt.Sprintf("%d-%d %s", v.Range.Start, v.Range.End, v.Range.Name)
				}
			}
			kind := v.Kind
			if v.Template {
				kind += " (template)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s:%d\n", name, id, rg, kind, v.File, v.Line)
		}
		tw.Flush()
		fmt.Fprintln(ew)
	}

	if all {
		fmt.Fprintln(ew, "Ranges of the id scheme (next: free ids after the highest in use, one id apart; see docs/conventions.md):")
	} else {
		fmt.Fprintln(ew, "Ranges in use (next: free ids after the highest in use, one id apart; see docs/conventions.md):")
	}
	if len(r.Ranges) == 0 {
		fmt.Fprintln(ew, "  none")
	}
	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	for _, u := range r.Ranges {
		next := ints(u.Next)
		if len(u.Next) == 0 {
			next = "none"
			if u.Class == config.ClassReserved || u.Class == config.ClassSystem {
				next = "none (" + u.Class + ")"
			}
		}
		fmt.Fprintf(tw, "  %d-%d\t%s\tused: %s\tnext: %s\n", u.Start, u.End, u.Name, orNone(ints(u.Used)), next)
	}
	tw.Flush()
	if !all {
		fmt.Fprintln(ew, "  Ranges not listed are empty: their first id is free (--all-ranges lists every range).")
	}
	if len(r.Outside) > 0 {
		fmt.Fprintf(ew, "  Ids outside every range: %s (vm-id-range reports them)\n", ints(r.Outside))
	}
	fmt.Fprintln(ew)

	fmt.Fprintf(ew, "%s: ids and names that are not constants, so no rule checks them\n", count(len(r.Skipped), "skipped declaration", "skipped declarations"))
	tw = tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	for _, s := range r.Skipped {
		what := s.What
		if s.Name != "" {
			what += " of " + sanitize(s.Name)
		}
		fmt.Fprintf(tw, "  %s:%d\t%s\t%s %s\n", s.File, s.Line, sanitize(s.Path), what, sanitize(s.Reason))
	}
	tw.Flush()
	return ew.err
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func ints(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// sanitize keeps names from the repository from writing control characters
// (a terminal escape in a string literal) to the terminal, and cuts very
// long ones so the table stays readable.
func sanitize(s string) string {
	if len(s) > 80 {
		cut := 77
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = fmt.Errorf("writing the inventory: %w", err)
	}
	return n, nil
}
