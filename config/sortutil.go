package config

import "sort"

// sortIndex sorts idx stably by less on the indexed values.
func sortIndex(idx []int, less func(a, b int) bool) {
	sort.SliceStable(idx, func(i, j int) bool { return less(idx[i], idx[j]) })
}
