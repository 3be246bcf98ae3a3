//go:build !unix

package main

import "os"

// readFile reads the file name; see the unix version.
func readFile(name string, buf []byte) ([]byte, error) { return os.ReadFile(name) }
