package registry

import (
	"bytes"
	"strings"
)

// indexAt returns the index of the first instance of sep in s, or -1, like
// bytes.Index: it looks for sep[k] with bytes.IndexByte and compares sep
// around each one found.
//
// The referFilter looks through every file of a repository for a word
// that nearly none holds ("role"). bytes.Index steps from one occurrence
// of the word's first byte to the next, or compares at every position when
// they are many; a byte of the word that is rarer in source text than its
// first (rarest picks one) leaves IndexByte, which is much faster than
// either, fewer places to stop at.
func indexAt(s, sep []byte, k int) int {
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

// rarest returns the index of the byte of sep that is the least common in
// source text, going by byteOrder.
func rarest(sep []byte) int {
	best := 0
	for i := 1; i < len(sep); i++ {
		if commonness(sep[i]) < commonness(sep[best]) {
			best = i
		}
	}
	return best
}

// byteOrder lists the bytes of Nix source text from the most common to the
// less common: white space, then letters by their frequency in English
// (which names and comments are written in), with the punctuation of the
// language's syntax among them. Bytes not listed are rarer still.
const byteOrder = " \netaoinsrhl.=;\"dcumfp{}gywb-v_k[]()/:0123456789,xjqz"

func commonness(c byte) int {
	i := strings.IndexByte(byteOrder, c)
	if i < 0 {
		return 0
	}
	return len(byteOrder) - i
}
