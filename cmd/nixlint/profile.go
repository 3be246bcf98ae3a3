package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts the profiles developers ask for through the
// environment (NIXLINT_CPUPROFILE=FILE, NIXLINT_MEMPROFILE=FILE; see
// bench/README.md) and returns the function that writes them out. They are
// not flags: users never need them, and go tool pprof reads the files.
func startProfiles(stderr io.Writer) (stop func()) {
	var stops []func()
	if path := os.Getenv("NIXLINT_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(stderr, "nixlint: NIXLINT_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "nixlint: NIXLINT_CPUPROFILE: %v\n", err)
			f.Close()
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	// Go samples allocations for a memory profile unless told not to,
	// which costs about 1% of a lint; only a developer asking for the
	// profile pays for it.
	runtime.MemProfileRate = 0
	if path := os.Getenv("NIXLINT_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			runtime.GC() // the profile shows allocations up to the last collection
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(stderr, "nixlint: NIXLINT_MEMPROFILE: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(stderr, "nixlint: NIXLINT_MEMPROFILE: %v\n", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
