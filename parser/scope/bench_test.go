package scope_test

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/scope"
)

// moduleSource returns n NixOS-style modules in one list, about 700 bytes
// each: the shapes scope resolution meets in real repositories.
func moduleSource(n int) []byte {
	var b strings.Builder
	b.WriteString("[\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `({ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.foo%[1]d;
  inherit (lib) mkIf mkOption types;
  ports = [ cfg.port (cfg.port + 1) ];
in {
  options.services.foo%[1]d = {
    enable = mkEnableOption "foo";
    port = mkOption { type = types.port; default = 8080; description = "The port."; };
  };
  config = mkIf cfg.enable {
    systemd.services.foo%[1]d = rec {
      wantedBy = [ "multi-user.target" ];
      after = wantedBy;
      serviceConfig.ExecStart = "${pkgs.foo}/bin/foo --port ${toString cfg.port}";
    };
    networking.firewall.allowedTCPPorts = ports;
    users.users.foo = { isSystemUser = true; group = "foo"; };
  };
})
`, i)
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

func BenchmarkResolve(b *testing.B) {
	src := moduleSource(1000)
	fset := token.NewFileSet()
	f, errs := parser.ParseFile(fset, "bench.nix", src)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		info := scope.Resolve(f)
		if len(info.Undefined) > 0 {
			b.Fatal(info.Undefined)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src := moduleSource(1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		parser.ParseFile(token.NewFileSet(), "bench.nix", src)
	}
}
