//go:build !linux

package hugepages

// Enable does nothing outside Linux; see the Linux version.
func Enable() bool { return false }
