package engine

import (
	"fmt"
	"sync"
	"testing"
)

// TestPathQueue checks that readers waiting for paths the walk has not
// found yet get them in order, and that they stop when the walk ends.
func TestPathQueue(t *testing.T) {
	const n = 1000
	q := newPathQueue()
	got := make([]string, n+2)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p, ok := q.get(i); ok {
				got[i] = p
			} else {
				got[i] = "<end>"
			}
		}()
	}
	for i := range n {
		q.push(fmt.Sprint(i))
	}
	q.close()
	wg.Wait()
	for i := range n {
		if got[i] != fmt.Sprint(i) {
			t.Fatalf("get(%d) = %q, want %q", i, got[i], fmt.Sprint(i))
		}
	}
	if got[n] != "<end>" || got[n+1] != "<end>" {
		t.Errorf("get past the end = %q, %q; want false", got[n], got[n+1])
	}
}
