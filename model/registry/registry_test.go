package registry_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/model/registry"
)

func TestRegistry(t *testing.T) {
	var got *registry.Registry
	capture := &analysis.Analyzer{
		Name: "capture-registry", Doc: "test helper", Severity: analysis.Note,
		Requires: []*analysis.Analyzer{registry.Analyzer},
		Run: func(p *analysis.Pass) (any, error) {
			got, _ = p.ResultOf[registry.Analyzer].(*registry.Registry)
			return nil, nil
		},
	}
	analysistest.Lint(t, "testdata/registry.txtar", capture)
	if got == nil {
		t.Fatal("the registry did not run")
	}
	var nodes []string
	for _, n := range got.Nodes {
		var roles []string
		for _, r := range n.Roles {
			switch r.Kind {
			case registry.RefModule:
				roles = append(roles, "module:"+r.Name)
			case registry.RefPath:
				roles = append(roles, "path:"+r.Path)
			case registry.RefString:
				roles = append(roles, "string:"+r.Name)
			default:
				roles = append(roles, "other")
			}
		}
		id := "-"
		if n.HasID {
			id = n.IDAttr + "=" + n.ID.String()
		}
		host := "-"
		if n.HasHost {
			host = n.Host.String()
		}
		line := fmt.Sprintf("%s %s %s %s [%s] tags=%v opaqueRoles=%v", module(n.Set), n.Name, id, host, strings.Join(roles, " "), n.Tags, n.RolesOpaque)
		if n.Opaque != "" {
			line += " opaque: " + n.Opaque
		}
		nodes = append(nodes, line)
	}
	want := []string{
		`lab.nodes app-01 vmid=301 "10.0.0.31" [] tags=[] opaqueRoles=false`,
		`lab.nodes app-02 vmid=302 "10.0.0.32" [] tags=[] opaqueRoles=false`,
		`mares.infrastructure.nodes dns-01 vmid=100 "10.0.0.2" [module:dns module:dhcp path:roles/web.nix string:mail] tags=[infra dns] opaqueRoles=false`,
		`mares.infrastructure.nodes web-01 vmId=200 - [module:base module:web] tags=[] opaqueRoles=false`,
		`mares.infrastructure.nodes pve - "10.0.0.1" [] tags=[] opaqueRoles=false`,
		`mares.infrastructure.nodes built - - [] tags=[] opaqueRoles=false opaque: is a function call (lib.mkNode)`,
		`infra.site.b.nodes db-01 vm_id=220 - [] tags=[] opaqueRoles=false`,
	}
	if g, w := strings.Join(nodes, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("nodes:\n%s\nwant:\n%s", g, w)
	}
}

func module(p []string) string { return strings.Join(p, ".") }

// TestExpandBounded checks that a set whose attributes all refer to the set
// itself does not multiply definitions without end.
func TestExpandBounded(t *testing.T) {
	keys := ""
	for i := 0; i < 10; i++ {
		keys += fmt.Sprintf("k%d = a; ", i)
	}
	archive := "-- flake.nix --\n{ }\n-- modules/infrastructure/n.nix --\nlet a = { " + keys + "}; in { nodes = a; }\n"
	done := make(chan struct{})
	go func() {
		defer close(done)
		capture := &analysis.Analyzer{
			Name: "capture-registry", Doc: "test helper", Severity: analysis.Note,
			Requires: []*analysis.Analyzer{registry.Analyzer},
			Run:      func(*analysis.Pass) (any, error) { return nil, nil },
		}
		analysistest.Lint(t, archive, capture)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("expanding a self-referencing set did not end")
	}
}
