package printer

// The types below mirror the Expr classes of Nix 2.8 (src/libexpr/nixexpr.hh)
// after parsing. The syntax tree is first lowered to them, performing the
// desugaring Nix's grammar actions do (operators to builtin calls, dotted
// attribute paths to nested sets, `inherit (e) x` to selections, ...), and
// then printed the way Nix's Expr::show prints them. Keeping the two steps
// apart makes each one small enough to compare line by line with Nix.

// nexpr is a lowered expression.
type nexpr interface{ nexpr() }

type (
	nInt    struct{ v int64 }
	nFloat  struct{ v float64 }
	nString struct{ s string }
	nPath   struct{ s string } // already absolute and canonical
	nVar    struct{ name string }
	nPos    struct{} // __curPos

	nSelect struct {
		e    nexpr
		path []nAttrName
		def  nexpr // nil without `or`
	}

	nHasAttr struct {
		e    nexpr
		path []nAttrName
	}

	nList struct{ elems []nexpr }

	nLambda struct {
		arg     string // "" when there is no argument name
		formals *nFormals
		body    nexpr
	}

	// nCall is ExprCall. Nix appends to the argument list of an existing
	// call when it parses another application, even through parentheses.
	nCall struct {
		fun  nexpr
		args []nexpr
	}

	nLet struct {
		attrs *nAttrs
		body  nexpr
	}

	nWith   struct{ attrs, body nexpr }
	nIf     struct{ cond, then, els nexpr }
	nAssert struct{ cond, body nexpr }
	nNot    struct{ e nexpr }

	// nBinOp is one of the operators Nix keeps as their own node:
	// == != && || -> // ++.
	nBinOp struct {
		op   string
		a, b nexpr
	}

	// nConcat is ExprConcatStrings: `+`, interpolated strings and paths.
	nConcat struct{ parts []nexpr }
)

// nAttrName is one element of an attribute path: a symbol, or a dynamic
// name whose expression is only known at evaluation.
type nAttrName struct {
	sym  string
	expr nexpr // non-nil for a dynamic name
}

// nAttrs is ExprAttrs: static attributes (printed sorted by name in sets,
// by symbol address in let) plus the dynamic ones in source order. Static
// attributes are a slice, indexed by a map only once there are many: most
// sets are small, and a map per set was most of the printer's garbage.
type nAttrs struct {
	rec     bool
	attrs   []nAttrEntry
	index   map[string]int // name to position in attrs, when len(attrs) > smallAttrs
	dynamic []nDynAttr
}

type nAttrEntry struct {
	name string
	def  *nAttrDef
}

type nAttrDef struct {
	e         nexpr
	inherited bool
}

const smallAttrs = 8

// lookup returns the definition of name, or nil.
func (a *nAttrs) lookup(name string) *nAttrDef {
	if a.index != nil {
		if i, ok := a.index[name]; ok {
			return a.attrs[i].def
		}
		return nil
	}
	for i := range a.attrs {
		if a.attrs[i].name == name {
			return a.attrs[i].def
		}
	}
	return nil
}

// add defines name, which must not be defined yet.
func (a *nAttrs) add(name string, def *nAttrDef) {
	a.attrs = append(a.attrs, nAttrEntry{name: name, def: def})
	switch {
	case a.index != nil:
		a.index[name] = len(a.attrs) - 1
	case len(a.attrs) > smallAttrs:
		a.index = make(map[string]int, 2*len(a.attrs))
		for i, e := range a.attrs {
			a.index[e.name] = i
		}
	}
}

type nDynAttr struct {
	name, value nexpr
}

// nFormals is the pattern of a lambda, formals kept in the order Nix 2.8
// keeps them (see symbols.go).
type nFormals struct {
	formals  []nFormal
	ellipsis bool
}

type nFormal struct {
	name string
	def  nexpr
}

func (*nInt) nexpr()     {}
func (*nFloat) nexpr()   {}
func (*nString) nexpr()  {}
func (*nPath) nexpr()    {}
func (*nVar) nexpr()     {}
func (*nPos) nexpr()     {}
func (*nSelect) nexpr()  {}
func (*nHasAttr) nexpr() {}
func (*nList) nexpr()    {}
func (*nLambda) nexpr()  {}
func (*nCall) nexpr()    {}
func (*nLet) nexpr()     {}
func (*nWith) nexpr()    {}
func (*nIf) nexpr()      {}
func (*nAssert) nexpr()  {}
func (*nNot) nexpr()     {}
func (*nBinOp) nexpr()   {}
func (*nConcat) nexpr()  {}
func (*nAttrs) nexpr()   {}
