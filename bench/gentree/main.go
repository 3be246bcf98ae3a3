// Command gentree writes the synthetic repository the benchmarks lint:
//
//	go run ./bench/gentree DIR [FILES]
//
// FILES defaults to 3500 (about 5 MB).
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/nixlint/nixlint/bench/tree"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: gentree DIR [FILES]")
		os.Exit(2)
	}
	n := 3500
	if len(os.Args) == 3 {
		var err error
		if n, err = strconv.Atoi(os.Args[2]); err != nil || n < 2 {
			fmt.Fprintln(os.Stderr, "gentree: FILES must be a number above 1")
			os.Exit(2)
		}
	}
	st, err := tree.Generate(os.Args[1], n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes\n", st.Files, st.Bytes)
}
