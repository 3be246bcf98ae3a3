package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/report"
)

// findings converts the diagnostics and internal errors into findings.
func (r *runner) findings() []report.Finding {
	byTok := make(map[*token.File]*analysis.File, len(r.files))
	byPath := make(map[string]*analysis.File, len(r.files))
	for _, f := range r.files {
		byTok[f.Tok] = f
		byPath[f.Path] = f
	}
	out := make([]report.Finding, 0, len(r.diags)+len(r.internal))
	for _, d := range r.diags {
		tf := r.fset.File(d.d.Pos)
		f := byTok[tf]
		if f == nil {
			r.internal = append(r.internal, internalNote{
				msg: fmt.Sprintf("rule %s reported a finding without a position in a repository file: %s", d.a.Name, d.d.Message),
			})
			continue
		}
		sev := r.plan.severity[d.a]
		if d.d.Severity != analysis.Off && !r.plan.userSet[d.a.Name] {
			sev = d.d.Severity
		}
		out = append(out, r.newFinding(d.a.Name, sev, f, d.d.Pos, d.d.End, d.d.Message, d.d.Fix))
	}
	for _, n := range r.internal {
		if n.file == "" {
			// Every finding needs a file (SARIF requires a location):
			// one about no file in particular goes on flake.nix, or the
			// first file of the repository.
			switch {
			case byPath["flake.nix"] != nil:
				n.file = "flake.nix"
			case len(r.files) > 0:
				n.file = r.files[0].Path
			}
		}
		out = append(out, r.internalFinding(n, byPath[n.file]))
	}
	return out
}

// newFinding builds a finding over pos..end in f.
func (r *runner) newFinding(rule string, sev analysis.Severity, f *analysis.File, pos, end token.Pos, msg, fix string) report.Finding {
	tf := f.Tok
	if end < pos {
		end = pos
	}
	p := tf.PositionFor(pos, false)
	e := tf.PositionFor(end, false)
	if p.Line == 0 { // an empty file
		p.Line, p.Column = 1, 1
	}
	if e.Line == 0 {
		e = p
	}
	return report.Finding{
		Rule:        rule,
		Severity:    sev.String(),
		File:        f.Path,
		Line:        p.Line,
		Column:      p.Column,
		EndLine:     e.Line,
		EndColumn:   e.Column,
		Message:     msg,
		LineText:    r.lines.text(f, p.Line),
		Fingerprint: fingerprint(rule, f, tf.Offset(pos), tf.Offset(end), p.Line),
		Fix:         fix,
	}
}

// internalFinding turns an internal error into a finding of the
// internal-error rule, at the start of the file it concerns if known.
func (r *runner) internalFinding(n internalNote, f *analysis.File) report.Finding {
	fd := report.Finding{
		Rule:     InternalError.Name,
		Severity: analysis.Error.String(),
		File:     n.file,
		Line:     1, Column: 1, EndLine: 1, EndColumn: 1,
		Message: n.msg,
	}
	if f != nil {
		fd.LineText = r.lines.text(f, 1)
	}
	sum := sha256.Sum256([]byte(InternalError.Name + "\x00" + n.file + "\x00" + n.msg))
	fd.Fingerprint = hex.EncodeToString(sum[:16])
	return fd
}

// lineTexts hands out the text of source lines for findings, one string
// per line however many findings are on it: a generated file can hold
// thousands of findings on one line of megabytes, and a copy per finding
// would take gigabytes.
type lineTexts struct {
	seen map[lineKey]string
}

type lineKey struct {
	f    *analysis.File
	line int
}

// text returns line n of f without its line ending.
func (c *lineTexts) text(f *analysis.File, n int) string {
	start, end, ok := lineBounds(f, n)
	if !ok {
		return ""
	}
	if end-start < 256 {
		return string(f.Src[start:end]) // as cheap as the lookup
	}
	k := lineKey{f, n}
	s, ok := c.seen[k]
	if !ok {
		if c.seen == nil {
			c.seen = make(map[lineKey]string)
		}
		s = string(f.Src[start:end])
		c.seen[k] = s
	}
	return s
}

// lineBounds returns the byte range of line n of f, without its line
// ending.
func lineBounds(f *analysis.File, n int) (start, end int, ok bool) {
	if n < 1 || n > f.Tok.LineCount() || len(f.Src) == 0 {
		return 0, 0, false
	}
	// The line table gives the end too: searching for the newline would
	// walk a long line once per finding.
	start = f.Tok.Offset(f.Tok.LineStart(n))
	end = len(f.Src)
	if n < f.Tok.LineCount() {
		end = f.Tok.Offset(f.Tok.LineStart(n + 1))
	}
	// Without its line ending: LF, CRLF or a lone CR (which ends a line
	// in Nix).
	if end > start && f.Src[end-1] == '\n' {
		end--
	}
	if end > start && f.Src[end-1] == '\r' {
		end--
	}
	return start, end, true
}

// maxFingerprintText bounds the text hashed for a fingerprint: a finding
// spanning a whole file would otherwise change with any edit inside it.
const maxFingerprintText = 512

// fingerprint identifies a finding without its line number: a hash of the
// rule, the file and the offending text with runs of white space collapsed.
// When the range is empty or longer than maxFingerprintText, the finding's
// line is hashed instead (for a long range, its first line), so a finding
// over a whole module keeps its fingerprint when the module is edited below
// its first line; of a line longer than maxFingerprintText, only as much
// from the finding's start on.
func fingerprint(rule string, f *analysis.File, start, end, line int) string {
	var text []byte
	if start < end && end-start <= maxFingerprintText && end <= len(f.Src) {
		text = f.Src[start:end]
	} else if from, to, ok := lineBounds(f, line); ok {
		if to-from > maxFingerprintText && start >= from && start <= to {
			from, to = start, min(to, start+maxFingerprintText)
		}
		text = f.Src[from:to]
	}
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(f.Path))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(string(text)), " ")))
	return hex.EncodeToString(h.Sum(nil)[:16])
}
