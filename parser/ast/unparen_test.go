package ast

import "testing"

func TestUnparen(t *testing.T) {
	id := &Ident{Name: "x"}
	var nilParen *Paren
	cases := []struct {
		name string
		in   Expr
		want Expr
	}{
		{"bare", id, id},
		{"one pair", &Paren{X: id}, id},
		{"nested", &Paren{X: &Paren{X: id}}, id},
		{"nil paren of a partial tree", nilParen, nilParen},
		{"nil paren inside", &Paren{X: nilParen}, nilParen},
		{"nil", nil, nil},
	}
	for _, c := range cases {
		if got := Unparen(c.in); got != c.want {
			t.Errorf("%s: Unparen = %#v, want %#v", c.name, got, c.want)
		}
	}
}
