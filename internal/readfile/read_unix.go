//go:build unix

package readfile

import (
	"io/fs"
	"syscall"
)

// Read reads the file name, as os.ReadFile does, into buf's memory when it
// is large enough (buf may be nil): a caller reading many files one after
// another may pass the previous result back as buf once done with it.
//
// It is os.ReadFile's work in fewer system calls: an os.File registers
// with the runtime's poller on opening (two calls that fail for a regular
// file) and reads once more to see the end of the file. For thousands of
// small files, that was a sixth of `nixlint parse`.
func Read(name string, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	// The size of a regular file is known; anything else (a pipe, a
	// device) is read to its end.
	regular := st.Mode&syscall.S_IFMT == syscall.S_IFREG
	size := 512
	if regular {
		size = int(st.Size)
	}
	data := buf[:0]
	if cap(data) < size+1 {
		data = make([]byte, 0, size+1)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		data = data[:len(data)+max(n, 0)]
		if n <= 0 || regular && len(data) >= size {
			return data, nil
		}
	}
}
