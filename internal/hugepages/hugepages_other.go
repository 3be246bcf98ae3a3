//go:build !linux

package hugepages

// Advise does nothing outside Linux; see the Linux version.
func Advise() bool { return false }

// Reserve does nothing outside Linux; see the Linux version.
func Reserve(n int) bool { return false }
