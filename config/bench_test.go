package config

import "testing"

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		Default()
	}
}

func BenchmarkParseDefaultAsUserFile(b *testing.B) {
	data := []byte(DefaultTOML())
	for b.Loop() {
		if _, err := Parse("f", data, testSchema); err != nil {
			b.Fatal(err)
		}
	}
}
