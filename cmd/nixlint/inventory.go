package main

import (
	"fmt"
	"io"
)

// runInventory implements `nixlint inventory`. (Placeholder: a colleague
// replaces this file with the VM inventory.)
func runInventory(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "nixlint inventory: not implemented")
	return exitError
}
