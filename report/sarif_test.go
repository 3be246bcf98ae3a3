package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// sarifLog is the part of a SARIF log the tests inspect.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind         string `json:"columnKind"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Tool struct {
			Driver struct {
				Name            string      `json:"name"`
				SemanticVersion string      `json:"semanticVersion"`
				InformationURI  string      `json:"informationUri"`
				Rules           []sarifRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string    `json:"id"`
	Name                 string    `json:"name"`
	ShortDescription     sarifText `json:"shortDescription"`
	FullDescription      sarifText `json:"fullDescription"`
	Help                 sarifText `json:"help"`
	HelpURI              string    `json:"helpUri"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties map[string]any `json:"properties"`
}

type sarifResult struct {
	RuleID    string    `json:"ruleId"`
	RuleIndex *int      `json:"ruleIndex"`
	Level     string    `json:"level"`
	Message   sarifText `json:"message"`
	Locations []struct {
		PhysicalLocation *struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
				EndLine     int `json:"endLine"`
				EndColumn   int `json:"endColumn"`
				Snippet     *struct {
					Text string `json:"text"`
				} `json:"snippet"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
}

// writeSARIFLog formats res as SARIF and decodes it again.
func writeSARIFLog(t *testing.T, res *Result, opts Options) (*sarifLog, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", res, opts); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.Bytes())
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return &log, buf.Bytes()
}

func TestSARIFStructure(t *testing.T) {
	res := sampleResult()
	log, raw := writeSARIFLog(t, res, Options{})
	run := log.Runs[0]

	if log.Version != "2.1.0" || log.Schema != sarifSchemaURI {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "nixlint" || d.SemanticVersion != "0.1.0" || d.InformationURI != ProjectURL {
		t.Errorf("driver = %q %q %q", d.Name, d.SemanticVersion, d.InformationURI)
	}
	if got := run.OriginalURIBaseIDs[srcRoot].URI; got != "file:///work/home%20lab/" {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%].uri = %q", got)
	}
	if run.AutomationDetails != nil {
		t.Errorf("automationDetails without a category: %+v", run.AutomationDetails)
	}

	// Every rule of the run, then a stub for internal-error, which a
	// finding uses but Result.Rules lacks.
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
		if r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" ||
			r.Help.Text == "" || r.Help.Markdown == "" || r.HelpURI == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks a field GitHub needs: %+v", r.ID, r)
		}
		if r.Properties["precision"] == nil || r.Properties["problem.severity"] == nil {
			t.Errorf("rule %s lacks precision or problem.severity: %v", r.ID, r.Properties)
		}
		if !strings.HasPrefix(r.HelpURI, RuleDocsBaseURL) || !strings.HasSuffix(r.HelpURI, r.ID+".md") {
			t.Errorf("rule %s helpUri = %q", r.ID, r.HelpURI)
		}
	}
	want := []string{"syntax-error", "duplicate-attr", "undefined-variable", "module-self-enable", "suppression-reason", "unused-suppression", "internal-error"}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("rules = %v, want %v", ids, want)
	}
	if r := d.Rules[1]; r.Help.Markdown != "Remove **one** definition.\n\n[Documentation]("+RuleDocsBaseURL+"duplicate-attr.md)" ||
		r.Properties["precision"] != "very-high" || r.DefaultConfiguration.Level != "error" || r.Name != "DuplicateAttr" {
		t.Errorf("duplicate-attr descriptor: %+v", r)
	}
	if r := d.Rules[4]; r.Properties["problem.severity"] != "recommendation" || r.DefaultConfiguration.Level != "note" {
		t.Errorf("a note rule is a recommendation at level note: %+v", r)
	}

	if len(run.Results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
	}
	for i, r := range run.Results {
		f := res.Findings[i]
		if r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(d.Rules) || d.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %v does not point at rule %s", i, r.RuleIndex, r.RuleID)
		}
		if r.RuleID != f.Rule || r.Level != f.Severity || r.Message.Text != f.Message {
			t.Errorf("result %d: %s %s %q, finding %s %s %q", i, r.RuleID, r.Level, r.Message.Text, f.Rule, f.Severity, f.Message)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation == nil {
			t.Fatalf("result %d has no physical location", i)
		}
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI == "" || pl.ArtifactLocation.URIBaseID != srcRoot {
			t.Errorf("result %d: artifactLocation %+v", i, pl.ArtifactLocation)
		}
		reg := pl.Region
		if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
			t.Errorf("result %d: region %+v", i, reg)
		}
		if fp := r.PartialFingerprints[fingerprintKey]; fp == "" || (f.Fingerprint != "" && fp != f.Fingerprint) {
			t.Errorf("result %d: partialFingerprints %v, finding fingerprint %q", i, r.PartialFingerprints, f.Fingerprint)
		}
		if f.Suppressed != (len(r.Suppressions) == 1) {
			t.Errorf("result %d: suppressed %v, suppressions %+v", i, f.Suppressed, r.Suppressions)
		}
	}

	// Spaces and URI-special characters are percent-encoded; "/" stays.
	for i, want := range map[int]string{0: "hosts/my%20host/default.nix", 1: "hosts/a%23b%25c.nix", 2: "modules/%C3%BCn%C3%AF.nix"} {
		if got := run.Results[i].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != want {
			t.Errorf("result %d uri = %q, want %q", i, got, want)
		}
	}
	// "  # 😀 日本 name = 1;": "name" is byte columns 17-21, after a
	// surrogate pair and two CJK characters: UTF-16 columns 11-15.
	if reg := run.Results[1].Locations[0].PhysicalLocation.Region; reg.StartColumn != 11 || reg.EndColumn != 15 || reg.Snippet == nil || reg.Snippet.Text != "name" {
		t.Errorf("emoji/CJK region = %+v, want columns 11-15 and snippet \"name\"", reg)
	}
	// A multi-line span keeps its end line.
	if reg := run.Results[2].Locations[0].PhysicalLocation.Region; reg.StartLine != 5 || reg.EndLine != 7 || reg.StartColumn != 3 || reg.EndColumn != 2 {
		t.Errorf("multi-line region = %+v", reg)
	}
	if s := run.Results[3].Suppressions; len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "legacy module, tracked in #12" {
		t.Errorf("in-source suppression = %+v", s)
	}
	if s := run.Results[4].Suppressions; len(s) != 1 || s[0].Kind != "external" || s[0].Justification != "baseline" {
		t.Errorf("external suppression = %+v", s)
	}

	// Internal errors are reported as a tool execution notification.
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful ||
		len(run.Invocations[0].ToolExecutionNotifications) != 1 || run.Invocations[0].ToolExecutionNotifications[0].Level != "error" {
		t.Errorf("invocations = %+v", run.Invocations)
	}

	// go-sarif's noise is gone.
	for _, noise := range []string{`"index": -1`, `"rank"`, `"kind": "fail"`, `"byteOffset"`, `": []`, `": {}`, `"id": -1`} {
		if bytes.Contains(raw, []byte(noise)) {
			t.Errorf("output contains %s", noise)
		}
	}

	// The report passes go-sarif's own schema validation. (The cleaned
	// bytes cannot be checked this way: decoding them into go-sarif's
	// structs brings back empty defaults the schema rejects. The official
	// validator checks them in TestSARIFValidator.)
	if err := buildSARIF(res, Options{}).Validate(); err != nil {
		t.Errorf("schema validation: %v", err)
	}
}

func TestSARIFFingerprintsStable(t *testing.T) {
	fps := func(res *Result) []string {
		log, _ := writeSARIFLog(t, res, Options{})
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	a := fps(sampleResult())
	b := fps(sampleResult())
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("fingerprints differ between runs:\n%v\n%v", a, b)
	}
	// The fallback for a finding without a fingerprint ignores the line
	// number, like the engine's fingerprint.
	moved := sampleResult()
	for i := range moved.Findings {
		moved.Findings[i].Line += 10
		moved.Findings[i].EndLine += 10
	}
	if c := fps(moved); fmt.Sprint(a) != fmt.Sprint(c) {
		t.Errorf("fingerprints change when lines move:\n%v\n%v", a, c)
	}
}

func TestSARIFDeterministic(t *testing.T) {
	_, a := writeSARIFLog(t, sampleResult(), Options{Category: "x"})
	_, b := writeSARIFLog(t, sampleResult(), Options{Category: "x"})
	if !bytes.Equal(a, b) {
		t.Error("two runs on the same result differ")
	}
}

func TestSARIFCategory(t *testing.T) {
	for category, want := range map[string]string{"nixlint": "nixlint/", "lint/nix/": "lint/nix/"} {
		log, _ := writeSARIFLog(t, sampleResult(), Options{Category: category})
		if ad := log.Runs[0].AutomationDetails; ad == nil || ad.ID != want {
			t.Errorf("category %q: automationDetails = %+v, want id %q", category, ad, want)
		}
	}
}

func TestSARIFEmptyRun(t *testing.T) {
	_, raw := writeSARIFLog(t, &Result{}, Options{})
	for _, want := range []string{`"results": []`, `"rules": []`, `"name": "nixlint"`} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("empty run lacks %s:\n%s", want, raw)
		}
	}
}

func TestSARIFEdgeCases(t *testing.T) {
	long := strings.Repeat("word 😀 ", 400) // > 1024 UTF-16 units
	var tags []string
	for i := range 30 {
		tags = append(tags, fmt.Sprintf("tag%02d", i))
	}
	res := &Result{
		Version: "devel",
		Rules: []RuleInfo{
			{ID: "long-rule", Severity: "warning", Summary: long, Description: long, Tags: append(tags, "tag00")},
			{ID: "long-rule", Severity: "error", Summary: "duplicate id, ignored"},
		},
		Findings: []Finding{
			{Rule: "long-rule", Severity: "warning", File: "", Line: 0, Column: 0, Message: ""},
		},
	}
	log, _ := writeSARIFLog(t, res, Options{})
	run := log.Runs[0]
	if run.Tool.Driver.SemanticVersion != "" {
		t.Errorf("semanticVersion %q for a non-semver version", run.Tool.Driver.SemanticVersion)
	}
	if len(run.Tool.Driver.Rules) != 1 {
		t.Fatalf("%d rules, want 1 (duplicates dropped)", len(run.Tool.Driver.Rules))
	}
	r := run.Tool.Driver.Rules[0]
	for name, s := range map[string]string{"shortDescription": r.ShortDescription.Text, "fullDescription": r.FullDescription.Text} {
		if n := utf16Len(s); n > 1024 || !strings.HasSuffix(s, "…") {
			t.Errorf("%s: %d UTF-16 units, ends %q", name, n, s[max(0, len(s)-8):])
		}
	}
	if tags, _ := r.Properties["tags"].([]any); len(tags) != 20 {
		t.Errorf("%d tags, want at most 20", len(tags))
	}
	res0 := run.Results[0]
	pl := res0.Locations[0].PhysicalLocation
	if pl.ArtifactLocation.URI != "flake.nix" || pl.Region.StartLine != 1 || pl.Region.StartColumn != 1 {
		t.Errorf("a finding without file or position: %+v", pl)
	}
	if res0.Message.Text == "" {
		t.Error("empty message.text")
	}
}

func TestSARIFResultLimit(t *testing.T) {
	res := &Result{}
	// Notes first, then one error at the very end: the error must survive
	// the cut, and the survivors keep their order.
	for i := range maxSARIFResults + 5 {
		res.Findings = append(res.Findings, Finding{Rule: "r", Severity: "note", File: "a.nix", Line: i + 1, Column: 1, Message: "n"})
	}
	res.Findings = append(res.Findings, Finding{Rule: "r", Severity: "error", File: "z.nix", Line: 1, Column: 1, Message: "e"})
	log, _ := writeSARIFLog(t, res, Options{})
	run := log.Runs[0]
	if len(run.Results) != maxSARIFResults {
		t.Fatalf("%d results, want %d", len(run.Results), maxSARIFResults)
	}
	if last := run.Results[len(run.Results)-1]; last.Level != "error" {
		t.Errorf("last result is %s, want the error kept", last.Level)
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 1 ||
		!strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "6 of 25006 results omitted") {
		t.Errorf("truncation not noted: %+v", run.Invocations)
	}
}

func TestSARIFHelpLinkOnce(t *testing.T) {
	uri := RuleDocsBaseURL + "r.md"
	res := &Result{Rules: []RuleInfo{{ID: "r", Summary: "s", Help: "help\n\nMore: " + uri + "\n", HelpMarkdown: "**help**\n\n[Documentation](" + uri + ")\n", HelpURI: uri}}}
	log, _ := writeSARIFLog(t, res, Options{})
	r := log.Runs[0].Tool.Driver.Rules[0]
	if strings.Count(r.Help.Text, uri) != 1 || strings.Count(r.Help.Markdown, uri) != 1 {
		t.Errorf("documentation link repeated:\n%q\n%q", r.Help.Text, r.Help.Markdown)
	}
}
