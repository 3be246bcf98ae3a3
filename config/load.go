package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed default.toml
var defaultTOML string

// DefaultTOML returns the embedded default configuration file, with its
// comments, as `nixlint config --default` prints it.
func DefaultTOML() string { return defaultTOML }

// Default returns the embedded default configuration, parsed. Each call
// returns a fresh value the caller may change. The default is checked by
// the tests, so it never fails; should it ever, the result still has the
// default layout rather than nothing.
func Default() *Config {
	defaultOnce.Do(func() { defaultCfg, defaultErr = parseDefault() })
	if defaultErr != nil {
		return &Config{Layout: Layout{Flake: "flake", Roles: "roles", Modules: "modules",
			Packages: "packages", Infrastructure: "modules/infrastructure"}}
	}
	return defaultCfg.clone()
}

// The default is parsed once; Default hands out deep copies.
var (
	defaultOnce sync.Once
	defaultCfg  *Config
	defaultErr  error
)

// parseDefault parses the embedded default over an empty configuration.
// Positions are dropped: Line fields stay 0 for defaults, so errors about a
// conflict between the user's file and the default point at the user's
// file.
func parseDefault() (*Config, error) {
	cfg := &Config{Rules: map[string]RuleConfig{}, Exceptions: []Exception{}}
	d := &decoder{file: "(default)", pos: positions{}}
	if err := decodeInto(d, cfg, []byte(defaultTOML)); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Load reads the configuration file at path and lays it over Default(),
// checking every key against the known layout, conventions and the rules
// of schema. Every error is an *Error naming the file, line and key.
func Load(path string, schema Schema) (*Config, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, schema)
}

// MaxSize bounds the configuration file. go-toml checks for duplicate keys
// with a linear search per key, so a table of tens of thousands of keys
// takes seconds; a real configuration is a few kilobytes (the fully spelt
// default is about 15 KiB).
const MaxSize = 128 << 10

// readFile reads a configuration file that is a regular file of at most
// MaxSize bytes: a FIFO or a device would block or never end.
func readFile(path string) ([]byte, error) {
	fail := func(msg string, err error) error {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in File
		}
		if err != nil {
			msg += ": " + err.Error()
		}
		return &Error{File: path, Msg: msg, Err: err}
	}
	// Stat before opening: opening a FIFO blocks until a writer comes.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail("cannot read the configuration", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fail(fmt.Sprintf("the configuration must be a regular file, not a %s", fileKind(fi.Mode())), nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail("cannot read the configuration", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fail("cannot read the configuration", err)
	}
	if len(data) > MaxSize {
		return nil, fail(fmt.Sprintf("the configuration is larger than %d KiB; nixlint reads at most that", MaxSize>>10), nil)
	}
	return data, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// Parse is Load for a file already read: file names it in errors.
func Parse(file string, data []byte, schema Schema) (cfg *Config, err error) {
	// go-toml is fuzzed and we never expect a panic from it; if one came,
	// it must become a configuration error, not a crash of the linter.
	defer func() {
		if r := recover(); r != nil {
			cfg, err = nil, &Error{File: file, Msg: fmt.Sprintf("internal error reading the configuration: %v", r)}
		}
	}()
	cfg = Default()
	cfg.File = file
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some editors write
	d := &decoder{file: file, schema: &schema}
	if err := decodeInto(d, cfg, data); err != nil {
		return nil, err
	}
	return cfg, nil
}

// decodeInto decodes data and lays it over cfg. d.pos is filled from data
// unless it is already set (the default runs without positions).
func decodeInto(d *decoder, cfg *Config, data []byte) error {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return syntaxError(d.file, data, err)
	}
	if d.pos == nil {
		d.pos = indexPositions(data)
	}
	d.apply(cfg, doc)
	return d.firstError()
}

// syntaxError turns go-toml's error into an *Error with its position.
func syntaxError(file string, data []byte, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		return &Error{File: file, Line: line, Column: col, Key: fullKey(data, de.Key(), line, col),
			Msg: "invalid TOML: " + msg, Err: err}
	}
	return &Error{File: file, Msg: "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: "), Err: err}
}

// FileName is the configuration file nixlint looks for at the repository
// root.
const FileName = ".nixlint.toml"

// LoadRoot loads root/.nixlint.toml when it exists and returns Default()
// otherwise. A file that exists but cannot be read is an error, not a
// silent fallback to the default.
func LoadRoot(root string, schema Schema) (*Config, error) {
	p := filepath.Join(root, FileName)
	if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	return Load(p, schema)
}

// fullKey returns the full path of the key go-toml reports, which is
// relative to its table for some errors ("flake" for a duplicate in
// [layout]): the key written at line:col and ending in key, if the
// document parses that far, else key as given.
func fullKey(data []byte, key []string, line, col int) string {
	rel := strings.Join(key, ".")
	if len(key) == 0 {
		return rel
	}
	ps := indexPositions(data)
	best := rel
	for _, path := range sortedKeys(ps) {
		p := ps[path]
		if p.keyLine == line && p.keyCol == col && len(path) > len(best) && strings.HasSuffix(path, "."+rel) {
			best = path
		}
	}
	return best
}
