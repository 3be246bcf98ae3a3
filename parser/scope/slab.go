package scope

// slab hands out pointers into chunks, to spare the allocator and the
// garbage collector one object per attribute, set or binding. Chunks start
// small and grow with the file: most files are small, and a fixed chunk of
// 64 was most of what resolving them allocated.
//
// A Resolver resets its slabs between files and fills the same chunks
// again; reset zeroes what was used, so new always returns a zero T.
type slab[T any] struct {
	chunks [][]T // every chunk allocated so far, in order
	cur    int   // index in chunks of the chunk being filled
	used   int   // how much of chunks[cur] is handed out
	next   int   // capacity of the next chunk
}

func (s *slab[T]) new() *T {
	if s.cur >= len(s.chunks) || s.used == len(s.chunks[s.cur]) {
		if s.cur < len(s.chunks) && s.used > 0 {
			s.cur++
		}
		if s.cur == len(s.chunks) {
			n := max(s.next, 4)
			s.next = min(2*n, 256)
			s.chunks = append(s.chunks, make([]T, n))
		}
		s.used = 0
	}
	s.used++
	return &s.chunks[s.cur][s.used-1]
}

// reset makes every chunk available again, zeroed so that the values of
// the previous file neither leak into the next nor keep its tree alive.
func (s *slab[T]) reset() {
	for i := range s.chunks[:min(s.cur+1, len(s.chunks))] {
		if i == s.cur {
			clear(s.chunks[i][:s.used])
		} else {
			clear(s.chunks[i])
		}
	}
	s.cur, s.used = 0, 0
	if n := maxKept / 256; len(s.chunks) > n {
		clear(s.chunks[n:])
		s.chunks = s.chunks[:n]
	}
}
