package config

import (
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// position is where a key and its value start in the configuration file.
type position struct {
	keyLine, keyCol int
	valLine, valCol int
}

// positions maps a key path (see keyPath) to where it was written. go-toml's
// decoder reports positions only for syntax errors, so the semantic checks
// (bad values, unknown rules…) look positions up here. It is built from
// go-toml's own parser, which sees the document exactly as the decoder does.
type positions map[string]position

// keyPath joins key parts as they appear in messages: "a.b", with array
// elements as "a[0]".
func keyPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// indexPath is the path of element i of the array at path.
func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// indexer builds a positions index.
type indexer struct {
	p     unstable.Parser
	lines []int // offset of the start of each line
	ps    positions
}

// indexPositions walks data with go-toml's parser and records the position of
// every key, table header and array element. After a syntax error the index
// holds what came before it.
func indexPositions(data []byte) positions {
	ix := &indexer{ps: positions{}, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			ix.lines = append(ix.lines, i+1)
		}
	}
	ix.p.Reset(data)
	arrayTables := map[string]int{} // resolved path -> number of [[path]] seen
	current := ""
	for ix.p.NextExpression() {
		e := ix.p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, nodes := keyParts(e)
			// Resolve each prefix: a prefix that names an array of tables
			// refers to its last element, as in TOML itself.
			path := ""
			for i, part := range parts {
				path = keyPath(path, part)
				if i < len(parts)-1 || e.Kind == unstable.Table {
					if n := arrayTables[path]; n > 0 {
						path = indexPath(path, n-1)
					}
				}
			}
			pos := ix.at(nodes[len(nodes)-1])
			if _, ok := ix.ps[path]; !ok {
				ix.ps[path] = pos
			}
			if e.Kind == unstable.ArrayTable {
				n := arrayTables[path]
				arrayTables[path] = n + 1
				path = indexPath(path, n)
				ix.ps[path] = pos
			}
			current = path
		case unstable.KeyValue:
			ix.keyValue(current, e)
		}
	}
	return ix.ps
}

// keyValue records a key = value line (or an entry of an inline table)
// and everything inside its value.
func (ix *indexer) keyValue(parent string, kv *unstable.Node) {
	parts, nodes := keyParts(kv)
	path := parent
	for i, part := range parts {
		path = keyPath(path, part)
		// A dotted key (rules.x.severity = …) defines its prefixes too;
		// errors about rules.x need a position: that of "x".
		if _, ok := ix.ps[path]; !ok && i < len(parts)-1 {
			ix.ps[path] = ix.at(nodes[i])
		}
	}
	pos := ix.at(nodes[len(nodes)-1])
	v := kv.Value()
	if v.Kind != unstable.Array && v.Raw.Length > 0 {
		vp := ix.at(v)
		pos.valLine, pos.valCol = vp.keyLine, vp.keyCol
	}
	ix.ps[path] = pos
	ix.value(path, v)
}

// value records the elements of arrays and inline tables.
func (ix *indexer) value(path string, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				ix.keyValue(path, n)
			}
		}
	case unstable.Array:
		it := v.Children()
		i := 0
		for it.Next() {
			n := it.Node()
			if n.Kind == unstable.Comment {
				continue
			}
			ep := indexPath(path, i)
			if n.Raw.Length > 0 {
				ix.ps[ep] = ix.at(n)
			} else if outer, ok := ix.ps[path]; ok {
				ix.ps[ep] = outer // nested arrays carry no range of their own
			}
			ix.value(ep, n)
			i++
		}
	}
}

// keyParts returns the decoded parts of a node's key and their nodes.
func keyParts(n *unstable.Node) ([]string, []*unstable.Node) {
	var parts []string
	var nodes []*unstable.Node
	it := n.Key()
	for it.Next() {
		nodes = append(nodes, it.Node())
		parts = append(parts, string(it.Node().Data))
	}
	return parts, nodes
}

// at is the start of node n, as both key and value position: 1-based line
// and byte column, as go-toml reports them for syntax errors. A line table
// keeps this logarithmic; go-toml's Parser.Shape rescans from the start of
// the file, which is quadratic over a large file.
func (ix *indexer) at(n *unstable.Node) position {
	off := int(n.Raw.Offset)
	line := sort.Search(len(ix.lines), func(i int) bool { return ix.lines[i] > off }) // 1-based
	col := off - ix.lines[line-1] + 1
	return position{keyLine: line, keyCol: col, valLine: line, valCol: col}
}

// lookup finds the position of path, falling back to its closest recorded
// ancestor (a missing key, such as an exception's absent reason, is
// reported where its table starts).
func (ps positions) lookup(path string) position {
	for path != "" {
		if pos, ok := ps[path]; ok {
			return pos
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return position{}
}
