package report

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveCounts walks line from its start, as the conversions did before
// lines were indexed.
func naiveCounts(line string, limit int) (runes, units int) {
	i := 0
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

func naiveRuneOffset(line string, n int) int {
	i := 0
	for seen := 0; i < len(line) && seen < n; seen++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}

// TestLineIndex checks the indexed conversions against a walk from the
// start of the line, on long lines mixing ASCII, two-, three- and four-byte
// characters and invalid bytes, at every offset, past the end included.
func TestLineIndex(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "\xff", "\xe2\x82", "\t", "xyz"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{10, indexStride - 1, indexStride + 1, 5*indexStride + 7} {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := b.String()
		for limit := 0; limit <= len(line)+3; limit++ {
			gr, gu := countsBefore(line, limit)
			wr, wu := naiveCounts(line, limit)
			if gr != wr || gu != wu {
				t.Fatalf("line of %d bytes: countsBefore(%d) = %d, %d; want %d, %d", len(line), limit, gr, gu, wr, wu)
			}
		}
		total, _ := naiveCounts(line, len(line))
		for n := 0; n <= total+2; n++ {
			if got, want := runeOffset(line, n), naiveRuneOffset(line, n); got != want {
				t.Fatalf("line of %d bytes: runeOffset(%d) = %d, want %d", len(line), n, got, want)
			}
		}
	}
}
