package registry

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	reg "github.com/nixlint/nixlint/model/registry"
)

// DuplicateHost reports two nodes with the same host address.
var DuplicateHost = &analysis.Analyzer{
	Name:     "registry-duplicate-host",
	Severity: analysis.Error,
	Doc: `two nodes of the machine registry have the same host address
Each node's host is the address its deployment, proxying and monitoring
reach it at: two nodes with one address means one of them is unreachable,
or a copy-paste left the wrong address. Addresses are compared ignoring
case and surrounding blanks. Only constant addresses are compared. When one
host value is shared by three nodes or more, or every node shares its host
with another, host is not an address in that registry (it names the
hypervisor a VM runs on) and the rule stays silent.`,
	Requires: []*analysis.Analyzer{reg.Analyzer},
	Run:      runDuplicateHost,
	Docs: &analysis.Docs{
		Principle: `"This defines which machines exist in my environment, what roles they have, and whether they should be proxied. The infrastructure module serves as the registry of machines" — CONVENTIONS.md, "modules/infrastructure/"`,
		Bad: `mares.infrastructure.nodes = {
  web-01 = { host = "10.0.0.20"; vmid = 200; };
  db-01 = { host = "10.0.0.20"; vmid = 220; };
};`,
		Good: `mares.infrastructure.nodes = {
  web-01 = { host = "10.0.0.20"; vmid = 200; };
  db-01 = { host = "10.0.0.22"; vmid = 220; };
};`,
		Tags: []string{"registry"},
	},
}

func runDuplicateHost(pass *analysis.Pass) (any, error) {
	r, _ := pass.ResultOf[reg.Analyzer].(*reg.Registry)
	if r == nil {
		return nil, nil
	}
	var withHost []*reg.Node
	count := map[string]int{}
	for _, n := range r.Nodes {
		if n.HasHost && n.Host.Kind == constfold.String && strings.TrimSpace(n.Host.Str) != "" {
			withHost = append(withHost, n)
			count[hostKey(n)]++
		}
	}
	if hypervisors(count, len(withHost)) {
		return nil, nil
	}
	first := map[string]*reg.Node{}
	for _, n := range withHost {
		k := hostKey(n)
		f, ok := first[k]
		if !ok {
			first[k] = n
			continue
		}
		line := pass.Fset.Position(f.Host.Pos).Line
		pass.Report(analysis.Diagnostic{
			Pos: n.Host.Pos, End: n.Host.End,
			Message: fmt.Sprintf("node %s has host %s, already the host of node %s (%s:%d); two nodes cannot share an address: give %s its own",
				nodeName(n), strconv.Quote(n.Host.Str), nodeName(f), f.File, line, nodeName(n)),
		})
	}
	return nil, nil
}

// hypervisors reports whether host, in this registry, names the machine
// a node runs on rather than the node's own address: one value shared by
// three nodes or more, or every node sharing its value with another (two
// hypervisors, four VMs). A copy-paste slip duplicates one address among
// otherwise distinct ones, which neither test mistakes for a pattern.
func hypervisors(count map[string]int, nodes int) bool {
	shared := 0
	for _, c := range count {
		if c >= 3 {
			return true
		}
		if c > 1 {
			shared += c
		}
	}
	return nodes >= 4 && shared == nodes
}

func hostKey(n *reg.Node) string { return strings.ToLower(strings.TrimSpace(n.Host.Str)) }
