// Package readfile reads whole files as os.ReadFile does, in fewer system
// calls: nixlint reads thousands of small files per run, and for them the
// calls os.ReadFile makes beyond open, read and close are a measurable part
// of the time.
package readfile
