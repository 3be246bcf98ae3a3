package registry

import (
	"bytes"
	"testing"
)

// TestIndexAt compares IndexAt, for each byte it may look for, with
// bytes.Index on texts made of a few letters, so that partial matches
// abound.
func TestIndexAt(t *testing.T) {
	seps := []string{"rol", "role", "role-", "roles", "aaa", "rrr", "ror", "r", "ro"}
	const letters = "rolesr-a"
	state := uint32(1)
	for n := 0; n < 24; n++ {
		for trial := 0; trial < 100; trial++ {
			s := make([]byte, n)
			for i := range s {
				state = state*1664525 + 1013904223
				s[i] = letters[state>>29]
			}
			for _, sep := range seps {
				want := bytes.Index(s, []byte(sep))
				for k := range sep {
					if got := IndexAt(s, []byte(sep), k); got != want {
						t.Fatalf("IndexAt(%q, %q, %d) = %d, want %d", s, sep, k, got, want)
					}
				}
			}
		}
	}
}

func TestRarestByte(t *testing.T) {
	for _, tt := range []struct {
		sep  string
		want int
	}{
		{"role", 2},
		{"machines", 0},
		{"nodes", 2},
		{"ee", 0},
		{"e\x00", 1},
	} {
		if got := RarestByte(tt.sep); got != tt.want {
			t.Errorf("RarestByte(%q) = %d, want %d", tt.sep, got, tt.want)
		}
	}
}
