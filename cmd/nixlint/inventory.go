package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/model/inventory"
)

const inventoryUsage = `Usage: nixlint inventory [--format text|json] [--config FILE] [--all-ranges] [PATH]

Lists the VMs and containers the repository declares (name, id, range,
kind, source file:line), per range of the id scheme the ids in use and the
next free ones, and the declarations skipped because their id or name is
not a constant. --format json prints the same for scripts (documented in
docs/conventions.md). --all-ranges lists every range, not only those in
use.
`

// runInventory implements `nixlint inventory [--format text|json] [--config
// FILE] [--all-ranges] [PATH]`.
func runInventory(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nixlint inventory", flag.ContinueOnError)
	format := fs.String("format", "text", "text or json")
	cfgFile := fs.String("config", "", "configuration `FILE`")
	allRanges := fs.Bool("all-ranges", false, "list every range of the id scheme")
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, errHelp) {
		fmt.Fprint(stdout, inventoryUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, err.Error())
	}
	if *format != "text" && *format != "json" {
		return usageError(stderr, fmt.Sprintf("unknown --format %q (want text or json)", *format))
	}
	if len(paths) > 1 {
		return usageError(stderr, "nixlint inventory takes one PATH")
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	inv, err := loadInventory(paths[0], *cfgFile)
	if err != nil {
		return fail(stderr, err)
	}
	if *format == "json" {
		err = inv.WriteJSON(stdout, *allRanges)
	} else {
		err = inv.WriteText(stdout, *allRanges)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// loadInventory runs the engine over the repository holding path with one
// analyzer that keeps the inventory: discovery, parsing, the configuration
// and the module model are the lint's own.
func loadInventory(path, cfgFile string) (*inventory.Inventory, error) {
	root, err := engine.FindRoot(path)
	if err != nil {
		return nil, err
	}
	// The configuration is checked against every rule, as a lint would.
	cfg, err := engine.LoadConfig(root, cfgFile, registry())
	if err != nil {
		return nil, err
	}
	var inv *inventory.Inventory
	keep := &analysis.Analyzer{
		Name:     "inventory-command",
		Doc:      "keep the VM inventory for nixlint inventory",
		Severity: analysis.Note,
		Requires: []*analysis.Analyzer{inventory.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			inv, _ = pass.ResultOf[inventory.Analyzer].(*inventory.Inventory)
			return nil, nil
		},
	}
	res, err := engine.Run(context.Background(), engine.Options{
		Paths:     []string{root},
		Config:    cfg,
		Analyzers: []*analysis.Analyzer{keep},
		KnownRule: func(string) bool { return true },
		Version:   version,
	})
	if err != nil {
		return nil, err
	}
	if inv == nil {
		for _, f := range res.Findings {
			if f.Rule == engine.InternalError.Name {
				return nil, fmt.Errorf("the inventory could not be computed: %s", f.Message)
			}
		}
		return nil, errors.New("the inventory could not be computed")
	}
	return inv, nil
}
