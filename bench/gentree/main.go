// Command gentree writes the synthetic repository the benchmarks lint:
//
//	go run ./bench/gentree DIR [FILES]
//
// FILES defaults to 3500 (about 5 MB).
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/nixlint/nixlint/bench/tree"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gentree DIR [FILES]\n\nWrites a synthetic NixOS flake repository of FILES .nix files (default 3500, about 5 MB) into DIR.")
	}
	flag.Parse()
	args := flag.Args()
	if len(args) < 1 || len(args) > 2 {
		flag.Usage()
		os.Exit(2)
	}
	n := 3500
	if len(args) == 2 {
		var err error
		if n, err = strconv.Atoi(args[1]); err != nil || n < 2 {
			fmt.Fprintln(os.Stderr, "gentree: FILES must be a number above 1")
			os.Exit(2)
		}
	}
	st, err := tree.Generate(args[0], n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes\n", st.Files, st.Bytes)
}
