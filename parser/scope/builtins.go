package scope

// globals is the base scope of Nix 2.8: the names a file may use without
// binding them. Nix resolves them lexically, so they win over `with` just as
// let bindings do.
//
// How the table was obtained (Nix 2.8.0, Debian's nix-bin, default settings):
// every name of `nix-instantiate --eval -E 'builtins.attrNames builtins'`
// was written alone into a file, both as NAME and as __NAME, and kept when
// `nix-instantiate --parse` accepted the file (it reports "undefined variable"
// otherwise). Names that need non-default settings (for instance
// `__importNative` and `__exec` with allow-unsafe-native-code-during-evaluation)
// are not included. `__curPos` is not a variable at all: Nix parses it as a
// position literal (see isCurPos).
var globals = map[string]bool{}

func init() {
	for _, n := range globalNames {
		globals[n] = true
	}
}

var globalNames = [...]string{
	// Available without the __ prefix.
	"abort", "baseNameOf", "builtins", "derivation", "derivationStrict",
	"dirOf", "false", "fetchGit", "fetchMercurial", "fetchTarball",
	"fetchTree", "fromTOML", "import", "isNull", "map", "null",
	"placeholder", "removeAttrs", "scopedImport", "throw", "toString", "true",

	// Available only with the __ prefix.
	"__add", "__addErrorContext", "__all", "__any", "__appendContext",
	"__attrNames", "__attrValues", "__bitAnd", "__bitOr", "__bitXor",
	"__catAttrs", "__ceil", "__compareVersions", "__concatLists",
	"__concatMap", "__concatStringsSep", "__currentSystem", "__currentTime",
	"__deepSeq", "__div", "__elem", "__elemAt", "__fetchurl", "__filter",
	"__filterSource", "__findFile", "__floor", "__foldl'", "__fromJSON",
	"__functionArgs", "__genList", "__genericClosure", "__getAttr",
	"__getContext", "__getEnv", "__groupBy", "__hasAttr", "__hasContext",
	"__hashFile", "__hashString", "__head", "__intersectAttrs", "__isAttrs",
	"__isBool", "__isFloat", "__isFunction", "__isInt", "__isList",
	"__isPath", "__isString", "__langVersion", "__length", "__lessThan",
	"__listToAttrs", "__mapAttrs", "__match", "__mul", "__nixPath",
	"__nixVersion", "__parseDrvName", "__partition", "__path",
	"__pathExists", "__readDir", "__readFile", "__replaceStrings", "__seq",
	"__sort", "__split", "__splitVersion", "__storeDir", "__storePath",
	"__stringLength", "__sub", "__substring", "__tail", "__toFile",
	"__toJSON", "__toPath", "__toXML", "__trace", "__tryEval", "__typeOf",
	"__unsafeDiscardOutputDependency", "__unsafeDiscardStringContext",
	"__unsafeGetAttrPos", "__zipAttrsWith",
}

// curPos is the identifier Nix parses as the current position, whatever is
// in scope: `let __curPos = 1; in __curPos` evaluates to a position set.
const curPos = "__curPos"

// IsGlobal reports whether name is bound in Nix 2.8's base scope.
// `__curPos` is not: it is a position literal wherever it is an expression.
func IsGlobal(name string) bool { return globals[name] }
