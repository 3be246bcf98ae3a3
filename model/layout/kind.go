package layout

// Kind is what a file is in the repository layout.
type Kind int

// The kinds of files.
const (
	Other          Kind = iota // anything outside the known folders
	Flake                      // flake.nix at the root
	FlakePart                  // a file below the flake folder
	Role                       // a file below the roles folder
	Module                     // a file below the modules folder, outside infrastructure
	Aggregator                 // a file whose only content is imports, in any of the folders above
	Infrastructure             // a file below the infrastructure folder (the machine registry)
	Package                    // a file below the packages folder
)

var kindNames = [...]string{
	Other:          "other",
	Flake:          "flake",
	FlakePart:      "flake-part",
	Role:           "role",
	Module:         "module",
	Aggregator:     "aggregator",
	Infrastructure: "infrastructure",
	Package:        "package",
}

// String returns the kind's name as DESIGN.md writes it.
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "other"
}
