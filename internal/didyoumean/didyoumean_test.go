package didyoumean

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "", 3},
		{"sevrity", "severity", 1},
		{"sevreity", "severity", 1}, // a transposition is one edit
		{"kitten", "sitting", 3},
		{"hass", "ha", 2},
		{"é", "e", 1}, // runes, not bytes
	}
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Distance(tc.b, tc.a); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestTypo(t *testing.T) {
	names := []string{"severity", "options", "exclude", "module-self-enable", "role-only-compose"}
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"sevrity", "severity", true},
		{"Severity", "severity", true},
		{"exlcude", "exclude", true},
		{"module-self-enabel", "module-self-enable", true},
		{"foo", "", false},
		{"x", "", false},
	}
	for _, tc := range tests {
		got, ok := Typo(tc.name, names)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Typo(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestClosestTiesAreStable(t *testing.T) {
	// "ab" is one edit from both; the one that sorts first wins whatever
	// the order of the candidates.
	for _, cands := range [][]string{{"ac", "aa"}, {"aa", "ac"}} {
		if got, _ := Closest("ab", cands, 1); got != "aa" {
			t.Errorf("Closest(ab, %q) = %q, want aa", cands, got)
		}
	}
}
