package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// marshalSARIF renders rep as indented JSON without go-sarif v3's noise:
// its constructors fill every array (empty), every index (-1) and several
// defaults, which triples the file, and artifactLocation.index -1 draws
// the validator's SARIF2004 warning. The log goes through a generic JSON
// tree, where cleanSARIF drops those values; maps are written with sorted
// keys, so the bytes are deterministic.
func marshalSARIF(rep *sarif.Report) ([]byte, error) {
	raw, err := json.Marshal(rep)
	if err != nil {
		return nil, fmt.Errorf("encoding SARIF: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers exactly as written
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("re-reading SARIF: %w", err)
	}
	doc = cleanSARIF(doc)

	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encoding SARIF: %w", err)
	}
	return out.Bytes(), nil
}

// keptEmpty lists the arrays that stay even when empty: a run without
// "results" is rejected by codeql-action, a driver without "rules" by the
// validator (GH1018), and a log needs "runs".
var keptEmpty = map[string]bool{"results": true, "rules": true, "runs": true}

// sarifDefaults are values equal to SARIF's defaults (or go-sarif's "unset"
// markers) that say nothing; they are dropped wherever they appear.
var sarifDefaults = map[string]any{
	"index":            json.Number("-1"), // artifactLocation: no artifacts array
	"id":               json.Number("-1"), // location
	"rank":             json.Number("-1"),
	"byteOffset":       json.Number("-1"),
	"charOffset":       json.Number("-1"),
	"ruleIndex":        json.Number("-1"),
	"kind":             "fail",
	"language":         "en-US",
	"isComprehensive":  false,
	"enabled":          true,
	"contents":         []any{"localizedData", "nonLocalizedData"},
	"newlineSequences": []any{"\r\n", "\n"},
}

// cleanSARIF removes empty arrays and objects and default values from a
// decoded JSON tree, bottom-up.
func cleanSARIF(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			child = cleanSARIF(child)
			if dropSARIFValue(k, child) {
				delete(v, k)
			} else {
				v[k] = child
			}
		}
		return v
	case []any:
		for i := range v {
			v[i] = cleanSARIF(v[i])
		}
		return v
	}
	return v
}

func dropSARIFValue(key string, v any) bool {
	switch v := v.(type) {
	case []any:
		if len(v) == 0 {
			return !keptEmpty[key]
		}
	case map[string]any:
		return len(v) == 0
	}
	if def, ok := sarifDefaults[key]; ok {
		return reflect.DeepEqual(def, v)
	}
	return false
}
