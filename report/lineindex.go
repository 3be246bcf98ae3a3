package report

import (
	"sort"
	"sync"
	"unicode/utf8"
)

// Column conversions walk a finding's line from its start. A generated or
// minified file can hold thousands of findings on one line of megabytes,
// and walking it once per finding would take minutes; so a line longer
// than indexStride bytes is indexed once (characters and UTF-16 code units
// before every indexStride-th byte), and a conversion walks at most
// indexStride bytes from the checkpoint before it. Findings come sorted by
// file and line, so the index of the last line asked for is kept.
const indexStride = 1024

// lineIndex holds the checkpoints of one line: offs[k] is the first
// character start at or after byte k*indexStride, and runes[k] and
// units[k] count the characters and UTF-16 code units before it.
type lineIndex struct {
	line               string
	offs, runes, units []int
}

var lastIndex struct {
	sync.Mutex
	ix *lineIndex
}

// indexOf returns the index of line, building it unless it is the last
// one built. Comparing a line with itself is cheap: Go compares the
// pointers of equal-length strings first.
func indexOf(line string) *lineIndex {
	lastIndex.Lock()
	defer lastIndex.Unlock()
	if ix := lastIndex.ix; ix != nil && ix.line == line {
		return ix
	}
	ix := &lineIndex{line: line}
	n := len(line)/indexStride + 1
	ix.offs, ix.runes, ix.units = make([]int, 0, n), make([]int, 0, n), make([]int, 0, n)
	runes, units := 0, 0
	for i := 0; i < len(line); {
		if i >= len(ix.offs)*indexStride {
			ix.offs = append(ix.offs, i)
			ix.runes = append(ix.runes, runes)
			ix.units = append(ix.units, units)
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		runes++
		units += runeUnits(r)
		i += size
	}
	lastIndex.ix = ix
	return ix
}

// runeUnits is the number of UTF-16 code units r takes: a character outside
// the Basic Multilingual Plane is a surrogate pair; an invalid byte
// (RuneError) counts 1, as the replacement character a viewer shows.
func runeUnits(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// countsBefore returns the number of characters and of UTF-16 code units in
// the first limit bytes of line. A limit inside a multi-byte character
// counts that character whole; bytes past the end of the line (a span that
// runs onto the newline) count 1 each.
func countsBefore(line string, limit int) (runes, units int) {
	i := 0
	if len(line) > indexStride && limit > indexStride {
		ix := indexOf(line)
		// offs[k] may lie a few bytes past limit, when limit falls inside
		// a character: the character is counted whole, as it should be.
		k := min(limit/indexStride, len(ix.offs)-1)
		i, runes, units = ix.offs[k], ix.runes[k], ix.units[k]
	}
	for i < len(line) && i < limit {
		r, size := utf8.DecodeRuneInString(line[i:])
		runes++
		units += runeUnits(r)
		i += size
	}
	if limit > i {
		runes += limit - i
		units += limit - i
	}
	return runes, units
}

// runeOffset returns the byte offset of character n of line (counting an
// invalid byte as one character), or len(line) if it has fewer.
func runeOffset(line string, n int) int {
	i, seen := 0, 0
	if len(line) > indexStride && n > indexStride/4 {
		ix := indexOf(line)
		k := sort.Search(len(ix.runes), func(k int) bool { return ix.runes[k] > n }) - 1
		i, seen = ix.offs[k], ix.runes[k]
	}
	for i < len(line) && seen < n {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
		seen++
	}
	return i
}
