package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// jsonFields returns the JSON names of the fields of struct value v.
func jsonFields(v any) []string {
	var names []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

var jsonObjects = map[string]any{
	"top level": jsonOutput{},
	"finding":   jsonFinding{},
	"summary":   jsonSummary{},
}

// TestOutputDocListsJSONFields checks that docs/output.md documents every
// field the JSON format emits, as a table row "| `name` |".
func TestOutputDocListsJSONFields(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "output.md"))
	if err != nil {
		t.Fatal(err)
	}
	for obj, v := range jsonObjects {
		for _, name := range jsonFields(v) {
			if !bytes.Contains(doc, []byte("| `"+name+"` |")) {
				t.Errorf("docs/output.md does not document the %s field %q", obj, name)
			}
		}
	}
}

// TestJSONSchema checks the JSON output against docs/json-schema.json, and
// that the schema lists exactly the fields emitted.
func TestJSONSchema(t *testing.T) {
	path := filepath.Join(repoRoot(t), "docs", "json-schema.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties  map[string]any `json:"properties"`
		Definitions map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	for obj, props := range map[string]map[string]any{
		"top level": schema.Properties,
		"finding":   schema.Definitions["finding"].Properties,
		"summary":   schema.Definitions["summary"].Properties,
	} {
		if got, want := keys(props), jsonFields(jsonObjects[obj]); !reflect.DeepEqual(got, want) {
			t.Errorf("schema %s properties %v, output fields %v", obj, got, want)
		}
	}

	loader := gojsonschema.NewBytesLoader(raw)
	for name, res := range map[string]*Result{
		"sample": sampleResult(),
		"empty":  {},
		"zero positions": {Findings: []Finding{
			{Rule: "r", Severity: "bogus", File: "f.nix"},
		}},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, "json", res, Options{}); err != nil {
			t.Fatal(err)
		}
		result, err := gojsonschema.Validate(loader, gojsonschema.NewBytesLoader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, e := range result.Errors() {
			t.Errorf("%s: %s", name, e)
		}
	}
}
