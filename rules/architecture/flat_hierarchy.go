package architecture

import (
	"fmt"
	"path"

	"github.com/nixlint/nixlint/analysis"
)

// FlatHierarchy finds subdirectories the structure does not need.
var FlatHierarchy = &analysis.Analyzer{
	Name: "flat-hierarchy",
	Doc: `directory structure is deeper than its content needs

Directory structures stay flat: a subdirectory is made only for several
related files. The rule reports a subdirectory below a domain of modules/
holding fewer than min-files (3) files in its subtree, saying where the
files should go (other files, such as scripts or templates a module ships
with, count as related files; a folder of assets alone is not judged); nesting deeper than max-depth directories below modules/;
and any subdirectory of roles/ (roles are flat). packages/ is exempt: one
directory per package is its own convention. Findings about a folder point
at a file inside it and can be suppressed with [[exceptions]].`,
	Severity: analysis.Warning,
	Requires: requires,
	Run:      runFlatHierarchy,
	Options: []analysis.Option{{
		Name:    "min-files",
		Default: 3,
		Doc:     "the fewest .nix files a subdirectory of a domain should hold (in its subtree)",
	}, {
		Name:    "max-depth",
		Default: 3,
		Doc:     "the most directory levels allowed below modules/ (modules/<domain>/<sub>/<subsub> is 3)",
	}},
	Docs: &analysis.Docs{
		Principle: "Flat hierarchies: Keep directory structures flat. Create subdirectories only when there are several related files (3+) or when the organization significantly improves clarity. For domains with just 1-2 files, prefer keeping them as direct files in the domain directory rather than creating additional subdirectories. (CONVENTIONS.md, \"Design Principles\" 5)",
		Bad: `modules/virtualisation/
└── format/
    └── proxmox-enhanced.nix`,
		Good: `modules/virtualisation/
└── proxmox-enhanced.nix`,
		Tags: []string{"architecture"},
	},
}

const flatPrinciple = `"keep directory structures flat" and create subdirectories "only when there are several related files (3+)"`

func runFlatHierarchy(pass *analysis.Pass) (any, error) {
	l, _ := results(pass)
	if l == nil {
		return nil, nil
	}
	if mods := l.Folders.Modules; l.Has[mods] {
		minFiles, maxDepth := pass.IntOption("min-files"), pass.IntOption("max-depth")
		tooDeep := make(map[string]bool)
		for _, fo := range folders(pass, mods) {
			d := depth(fo.dir, mods)
			anchor := fo.anchor()
			if d < 2 || anchor == nil {
				continue
			}
			if maxDepth > 0 && d > maxDepth {
				if !tooDeep[path.Dir(fo.dir)] {
					pass.Report(analysis.Diagnostic{
						Pos: fileStart(anchor), End: fileStart(anchor),
						Message: fmt.Sprintf("%s/ is nested %d levels below %s/ (max-depth %d); %s: move its files up into %s/",
							fo.dir, d, mods, maxDepth, flatPrinciple, path.Dir(fo.dir)),
					})
				}
				tooDeep[fo.dir] = true
				continue
			}
			if len(fo.files) < minFiles && len(fo.files)+otherFiles(pass, fo.dir) < minFiles {
				pass.Report(analysis.Diagnostic{
					Pos: fileStart(anchor), End: fileStart(anchor),
					Message: fmt.Sprintf("%s/ holds only %s; %s: move %s up into %s/ (%s -> %s)",
						fo.dir, countFiles(len(fo.files)), flatPrinciple, themIt(len(fo.files)), path.Dir(fo.dir), anchor.Path, flattened(anchor.Path, fo.dir)),
				})
			}
		}
	}
	if roles := l.Folders.Roles; l.Has[roles] {
		for _, fo := range folders(pass, roles) {
			if depth(fo.dir, roles) != 1 {
				continue
			}
			if anchor := fo.anchor(); anchor != nil {
				pass.Report(analysis.Diagnostic{
					Pos: fileStart(anchor), End: fileStart(anchor),
					Message: fmt.Sprintf("%s/ is a subdirectory of %s/; roles are flat (%s): move its roles into %s/ (%s -> %s)",
						fo.dir, roles, flatPrinciple, roles, anchor.Path, flattened(anchor.Path, fo.dir)),
				})
			}
		}
	}
	return nil, nil
}

func countFiles(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

func themIt(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// flattened says where a file of a folder that should not exist goes: into
// the folder's parent, a default.nix taking the folder's name
// (jellyfin/default.nix -> jellyfin.nix).
func flattened(file, dir string) string {
	parent := path.Dir(dir)
	rel := file[len(dir)+1:]
	if rel == "default.nix" {
		return parent + "/" + path.Base(dir) + ".nix"
	}
	return parent + "/" + path.Base(rel)
}
