package registry

import (
	"bytes"
	"strings"
)

// IndexAt returns the index of the first instance of sep in s, or -1, like
// bytes.Index: it looks for sep[k] with bytes.IndexByte and compares sep
// around each one found.
//
// The byte filters of the registry and its rules look through every file
// of a repository for words that nearly none holds ("role-", "proxmox").
// bytes.Index steps from one occurrence of the word's first byte to the
// next, or compares at every position when they are many; a byte of the
// word that is rarer in source text than its first (RarestByte picks one)
// leaves IndexByte, which is much faster than either, fewer places to stop
// at.
func IndexAt(s, sep []byte, k int) int {
	for i := k; i < len(s); {
		j := bytes.IndexByte(s[i:], sep[k])
		if j < 0 {
			return -1
		}
		if start := i + j - k; bytes.HasPrefix(s[start:], sep) {
			return start
		}
		i += j + 1
	}
	return -1
}

// RarestByte returns the index of the byte of s that is the least common in
// source text (the first of them), or 0 for an empty s.
func RarestByte(s string) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if commonness(s[i]) < commonness(s[best]) {
			best = i
		}
	}
	return best
}

// byteOrder lists the bytes of Nix source text from the most common to the
// less common: white space, lowercase letters by their frequency in
// English (which names and comments are written in) with the punctuation
// of the language's syntax among them, digits, then uppercase letters
// (camelCase names). Bytes not listed are rarer still.
const byteOrder = " \netaoinsrhl.=;\"dcumfp{}gywb-v_k[]()/:0123456789,'$#ASETRCDIMNPLFOBHGWUVKYJQXZxjqz"

// commonness ranks c by byteOrder: the higher, the more common.
func commonness(c byte) int {
	i := strings.IndexByte(byteOrder, c)
	if i < 0 {
		return 0
	}
	return len(byteOrder) - i
}
