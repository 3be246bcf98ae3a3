package printer

import "sync"

// outBuf is the printer's output buffer: a strings.Builder whose memory
// is reused from file to file through outBufs, since the caller copies
// what Nix writes. Its methods have the signatures of bytes.Buffer's and
// never fail.
type outBuf struct{ buf []byte }

func (o *outBuf) Write(p []byte) (int, error) {
	o.buf = append(o.buf, p...)
	return len(p), nil
}

func (o *outBuf) WriteString(s string) (int, error) {
	o.buf = append(o.buf, s...)
	return len(s), nil
}

func (o *outBuf) WriteByte(c byte) error {
	o.buf = append(o.buf, c)
	return nil
}

// outBufs holds buffers between files; one per worker is enough.
var outBufs = sync.Pool{New: func() any { return new(outBuf) }}

// maxPooled is the largest buffer kept for the next file: a huge file's
// buffer is left to the collector rather than held for the process' life.
const maxPooled = 4 << 20
