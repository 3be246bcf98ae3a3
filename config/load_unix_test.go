//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestLoadFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		// Opening a FIFO for reading blocks until a writer comes: Load
		// must not open it at all.
		done := make(chan error, 1)
		go func() { _, err := Load(fifo, testSchema); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != fifo+": the configuration must be a regular file, not a named pipe" {
				t.Errorf("fifo: %v", err)
			}
		case <-time.After(10 * time.Second):
			// Release the blocked Load before failing.
			if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			t.Errorf("Load blocked on a FIFO")
		}
	}
}
