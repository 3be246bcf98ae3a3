package inventory_test

import (
	"reflect"
	"testing"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory"
)

func TestNextFree(t *testing.T) {
	dns := config.IDRange{Start: 100, End: 109, Name: "DNS/DHCP", Class: config.ClassProduction}
	tests := []struct {
		name string
		r    config.IDRange
		used []int
		n    int
		want []int
	}{
		{"empty range starts at its first id", dns, nil, 3, []int{100, 102, 104}},
		{"after the highest, one id left free", dns, []int{100}, 3, []int{102, 104, 106}},
		{"holes below are kept for later", dns, []int{100, 104}, 2, []int{106, 108}},
		{"ids of other ranges do not count", dns, []int{99, 110, 250}, 1, []int{100}},
		{"a neighbour in the next range is respected", dns, []int{106}, 3, []int{108}},
		{"at the end, the lowest id with free neighbours", dns, []int{101, 109}, 2, []int{103, 104}},
		{"crowded: any free id", dns, []int{100, 102, 104, 106, 108, 109}, 2, []int{101, 103}},
		{"full", dns, []int{100, 101, 102, 103, 104, 105, 106, 107, 108, 109}, 2, nil},
		{"reserved ranges get no suggestion", config.IDRange{Start: 900, End: 999, Class: config.ClassReserved}, nil, 2, nil},
		{"system ranges get no suggestion", config.IDRange{Start: 1, End: 99, Class: config.ClassSystem}, nil, 2, nil},
	}
	for _, tt := range tests {
		used := map[int]bool{}
		for _, id := range tt.used {
			used[id] = true
		}
		if got := inventory.NextFree(tt.r, used, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: NextFree(%v, %v) = %v, want %v", tt.name, tt.r.Span(), tt.used, got, tt.want)
		}
	}
}

func TestRanges(t *testing.T) {
	inv := load(t, "testdata/sources.txtar")
	var got []string
	for _, ru := range inv.Ranges(false, 2) {
		got = append(got, ru.Range.Span().String())
	}
	want := []string{"100-109", "120-129", "130-139", "140-149", "150-159", "200-219", "220-239", "240-259", "280-299", "300-319", "420-439", "1000-1099"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranges in use = %v, want %v", got, want)
	}
	all := inv.Ranges(true, 1)
	if len(all) <= len(want) {
		t.Errorf("all ranges = %d, want every leaf range of the scheme", len(all))
	}
	for _, ru := range inv.Ranges(false, 2) {
		if ru.Range.Start == 220 && !reflect.DeepEqual(ru.Next, []int{224, 226}) {
			t.Errorf("next in 220-239 = %v, want [224 226] (220 and 222 in use)", ru.Next)
		}
	}
}
