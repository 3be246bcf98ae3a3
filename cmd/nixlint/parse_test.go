package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunParse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.nix", "{ b = ./x; a = 1 - 2; }\n")
	other := write("other.nix", "[ 1.0 ]\n")
	syntax := write("syntax.nix", "{ a = 1 }\n")
	dup := write("dup.nix", "{ a = 1; a = 2; }\n")
	undef := write("undef.nix", "x\n")
	pipes := write("pipes.nix", "with {}; a |> f\n")

	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // exact, unless empty and code != 0
		stderrHave []string
	}{
		{"nix", []string{good}, 0, "{ a = (__sub 1 2); b = " + dir + "/x; }\n", nil},
		{"flag after files", []string{good, "--format", "nix", other}, 0,
			"{ a = (__sub 1 2); b = " + dir + "/x; }\n[ (1) ]\n", nil},
		{"double dash", []string{"--", good}, 0, "{ a = (__sub 1 2); b = " + dir + "/x; }\n", nil},
		{"syntax error continues", []string{syntax, other}, 1, "[ (1) ]\n",
			[]string{syntax + ":1:9: syntax error, unexpected '}', expecting ';'"}},
		{"duplicate attribute", []string{dup}, 1, "", []string{dup + ":1:10: attribute 'a' already defined at " + dup + ":1:3"}},
		{"undefined variable", []string{undef}, 1, "", []string{undef + ":1:1: undefined variable 'x'"}},
		{"pipes are Nix 2.8 syntax errors", []string{pipes}, 1, "", []string{pipes + ":1:"}},
		{"missing file", []string{filepath.Join(dir, "nope.nix")}, 1, "", []string{"nope.nix"}},
		{"no files", nil, 2, "", []string{"usage: nixlint parse"}},
		{"bad format", []string{"--format", "yaml", good}, 2, "", []string{`unknown format "yaml"`}},
		{"bad flag", []string{"--nope", good}, 2, "", []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runParse(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if stdout.String() != tt.stdout {
				t.Errorf("stdout %q, want %q", stdout.String(), tt.stdout)
			}
			for _, s := range tt.stderrHave {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr %q lacks %q", stderr.String(), s)
				}
			}
		})
	}
}

func TestRunParseJSON(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.nix")
	if err := os.WriteFile(p, []byte("a: a.b or \"\xff\" # c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runParse([]string{"--format", "json", p}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	var doc struct {
		Type string
		Expr struct {
			Type  string
			Pos   struct{ Line, Column, Offset int }
			End   struct{ Line, Column, Offset int }
			Param struct{ Name string }
			Body  struct {
				Type    string
				OrPos   *struct{ Offset int }
				Default struct{ Parts []struct{ Value string } }
			}
		}
		Comments []struct{ Text string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON %q: %v", stdout.String(), err)
	}
	e := doc.Expr
	if doc.Type != "File" || e.Type != "Lambda" || e.Param.Name != "a" || e.Body.Type != "Select" ||
		e.Body.OrPos == nil || e.Body.OrPos.Offset != 7 || e.Pos.Line != 1 || e.Pos.Column != 1 || e.End.Offset != 13 ||
		len(e.Body.Default.Parts) != 1 || e.Body.Default.Parts[0].Value != "\uFFFD" ||
		len(doc.Comments) != 1 || doc.Comments[0].Text != "# c" {
		t.Errorf("unexpected document: %+v\n%s", doc, stdout.String())
	}
}
