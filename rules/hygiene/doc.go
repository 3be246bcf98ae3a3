// Package hygiene holds the rules about nixlint's own suppression
// comments: a suppression must say why (suppression-reason) and must still
// be needed (unused-suppression).
package hygiene
