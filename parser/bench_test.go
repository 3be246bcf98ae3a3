package parser

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// moduleTemplate is a typical NixOS module, the bulk of what nixlint reads.
const moduleTemplate = `{ config, lib, pkgs, ... }:

let
  cfg = config.services.example%[1]d;
  inherit (lib) mkEnableOption mkOption mkIf types;
in
{
  # Options of the example service.
  options.services.example%[1]d = {
    enable = mkEnableOption "example service %[1]d";
    port = mkOption {
      type = types.port;
      default = 8000 + %[1]d;
      description = ''
        The port the service listens on.
        Open it with ${"openFirewall"}.
      '';
    };
    openFirewall = mkOption { type = types.bool; default = false; };
    extraArgs = mkOption { type = types.listOf types.str; default = [ ]; };
  };

  config = mkIf cfg.enable {
    systemd.services.example%[1]d = {
      description = "Example service %[1]d";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        ExecStart = "${pkgs.example}/bin/example --port ${toString cfg.port} ${lib.escapeShellArgs cfg.extraArgs}";
        DynamicUser = true;
        Restart = "on-failure";
        StateDirectory = "example-%[1]d";
      };
    };
    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall [ cfg.port ];
    environment.etc."example/%[1]d.conf".text = builtins.toJSON { inherit (cfg) port; debug = !cfg.enable || false; };
    assertions = [ { assertion = cfg.port > 1024 && cfg.port < 65536; message = "bad port"; } ];
    users.groups = lib.mapAttrs (name: value: { gid = value.gid or null; }) (cfg.groups or { });
    imports = [ ./hardware.nix ../common/${"x"}.nix <nixpkgs/nixos/modules/profiles/minimal.nix> ];
  };
}
`

// syntheticSource returns about size bytes of realistic Nix: a list of
// modules.
func syntheticSource(size int) []byte {
	var b strings.Builder
	b.WriteString("[\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString("(")
		fmt.Fprintf(&b, moduleTemplate, i)
		b.WriteString(")\n")
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

func TestSyntheticSourceParses(t *testing.T) {
	if _, errs := ParseFile(token.NewFileSet(), "bench.nix", syntheticSource(1<<16)); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// BenchmarkParse measures parsing throughput (MB/s) on realistic modules.
func BenchmarkParse(b *testing.B) {
	src := syntheticSource(4 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := ParseFile(token.NewFileSet(), "bench.nix", src); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkParseCorpus parses every file of the parser corpus, one file at
// a time as nixlint does.
func BenchmarkParseCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parser", "corpus", "*.nix"))
	var srcs [][]byte
	total := 0
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	if total == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		fset := token.NewFileSet()
		for i, src := range srcs {
			ParseFile(fset, files[i], src)
		}
	}
}
