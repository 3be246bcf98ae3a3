package engine

import "sync"

// pathQueue hands the files the walk finds to the load workers as soon as
// they are found, so that reading and parsing start with the first folder
// instead of after the last one: the walk is a few milliseconds of system
// calls during which the other CPUs would otherwise wait.
//
// Paths keep the walk's order; a worker asks for the path at an index and
// waits until the walk has found that many files or has finished.
type pathQueue struct {
	mu     sync.Mutex
	found  sync.Cond // signalled when a path is pushed or the walk ends
	paths  []string
	closed bool
}

func newPathQueue() *pathQueue {
	q := &pathQueue{}
	q.found.L = &q.mu
	return q
}

// push appends a path found by the walk.
func (q *pathQueue) push(path string) {
	q.mu.Lock()
	q.paths = append(q.paths, path)
	q.mu.Unlock()
	q.found.Signal()
}

// close says that the walk is over: no path comes after those pushed.
func (q *pathQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.found.Broadcast()
}

// get returns the path at index i, waiting for the walk to find it; false
// when the walk ended with fewer paths.
func (q *pathQueue) get(i int) (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i >= len(q.paths) && !q.closed {
		q.found.Wait()
	}
	if i >= len(q.paths) {
		return "", false
	}
	return q.paths[i], true
}
