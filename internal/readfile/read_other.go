//go:build !unix

package readfile

import "os"

// Read reads the file name; see the unix version.
func Read(name string, buf []byte) ([]byte, error) { return os.ReadFile(name) }
