package config

import (
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

// indexPositions walks data with go-toml's parser and records the position of
// every key, table header and array element. It is only called after the
// document decoded without error, so a parser error here cannot happen; if
// it did, the index is simply incomplete and errors lose their line.
func indexPositions(data []byte) positions {
	ps := positions{}
	var p unstable.Parser
	p.Reset(data)
	arrayTables := map[string]int{} // resolved path -> number of [[path]] seen
	current := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, last := keyParts(&p, e)
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
			pos := shapePos(&p, last)
			if _, ok := ps[path]; !ok {
				ps[path] = pos
			}
			if e.Kind == unstable.ArrayTable {
				n := arrayTables[path]
				arrayTables[path] = n + 1
				path = indexPath(path, n)
				ps[path] = pos
			}
			current = path
		case unstable.KeyValue:
			indexKeyValue(&p, ps, current, e)
		}
	}
	return ps
}

// indexKeyValue records a key = value line (or an entry of an inline table)
// and everything inside its value.
func indexKeyValue(p *unstable.Parser, ps positions, parent string, kv *unstable.Node) {
	parts, last := keyParts(p, kv)
	pos := shapePos(p, last)
	path := parent
	it := kv.Key()
	for i, part := range parts {
		it.Next()
		path = keyPath(path, part)
		// A dotted key (rules.x.severity = …) defines its prefixes too;
		// errors about rules.x need a position: that of "x".
		if _, ok := ps[path]; !ok && i < len(parts)-1 {
			ps[path] = shapePos(p, it.Node())
		}
	}
	if v := kv.Value(); v != nil && v.Kind != unstable.Array && v.Raw.Length > 0 {
		vp := shapePos(p, v)
		pos.valLine, pos.valCol = vp.keyLine, vp.keyCol
	}
	ps[path] = pos
	indexValue(p, ps, path, kv.Value())
}

// indexValue records the elements of arrays and inline tables.
func indexValue(p *unstable.Parser, ps positions, path string, v *unstable.Node) {
	if v == nil {
		return
	}
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				indexKeyValue(p, ps, path, n)
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
				ps[ep] = shapePos(p, n)
			} else if outer, ok := ps[path]; ok {
				ps[ep] = outer // nested arrays carry no range of their own
			}
			indexValue(p, ps, ep, n)
			i++
		}
	}
}

// keyParts returns the decoded parts of a node's key and the last key node.
func keyParts(p *unstable.Parser, n *unstable.Node) ([]string, *unstable.Node) {
	var parts []string
	var last *unstable.Node
	it := n.Key()
	for it.Next() {
		last = it.Node()
		parts = append(parts, string(last.Data))
	}
	return parts, last
}

// shapePos is the start of node n, as both key and value position.
func shapePos(p *unstable.Parser, n *unstable.Node) position {
	if n == nil {
		return position{}
	}
	s := p.Shape(n.Raw).Start
	return position{keyLine: s.Line, keyCol: s.Column, valLine: s.Line, valCol: s.Column}
}

// lookup finds the position of path, falling back to its closest recorded
// ancestor (a key inside a table written by a dotted key is recorded under
// its full path, but a missing entry must not lose the line altogether).
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
