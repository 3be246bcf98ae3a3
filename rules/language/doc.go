// Package language holds the rules that apply to every .nix file: the
// errors Nix itself reports when it reads a file (syntax errors, duplicate
// attributes, undefined variables), and the shared Scope and Checks
// analyses they are computed from.
//
// A file that breaks one of these rules does not evaluate at all, so all
// three are errors by default.
package language
