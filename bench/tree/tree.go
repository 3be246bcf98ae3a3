// Package tree generates a synthetic NixOS flake repository for benchmarks:
// modules, roles, packages, flake parts and a machine registry written from
// realistic templates, in the layout of CONVENTIONS.md.
package tree

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Stats describes a generated tree.
type Stats struct {
	Files int
	Bytes int64
}

// prefixes are the VM purposes of CONVENTIONS.md; registry nodes are named
// {purpose}-{nn} with ids in the development range, so the generated tree
// is mostly clean, as a maintained repository is.
var prefixes = []string{"app", "web", "db", "cache", "mail", "git", "build", "ci", "docker", "k8s", "mon", "backup",
	"nfs", "nas", "store", "archive", "proxy", "vpn", "fw", "dns", "ldap", "mqtt", "cam", "ha", "plex", "media"}

var domains = []string{"networking", "media", "database", "services", "monitoring", "storage", "security", "shell", "hardware", "virtualisation"}

// Generate writes a repository of about files .nix files below dir.
func Generate(dir string, files int) (Stats, error) {
	var st Stats
	write := func(rel, content string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		st.Files++
		st.Bytes += int64(len(content))
		return os.WriteFile(p, []byte(content), 0o644)
	}
	if err := write("flake.nix", flake); err != nil {
		return st, err
	}
	nodes := new(strings.Builder)
	nodes.WriteString("{ config, ... }:\n{\n  config.flake.mares.infrastructure.nodes = {\n")
	roleNodes := 0
	for i := 1; st.Files < files-1; i++ {
		d := domains[i%len(domains)]
		name := fmt.Sprintf("svc%04d", i)
		var err error
		switch i % 20 {
		case 0, 1, 2:
			// The role composes a module generated in this block of 20.
			j := i - i%20 + 6
			mod := fmt.Sprintf("svc%04d", j)
			err = write(fmt.Sprintf("roles/%s.nix", name), fmt.Sprintf(role, domains[j%len(domains)], mod, i%250+1, name))
			roleNodes++
			vm := fmt.Sprintf("%s-%02d", prefixes[roleNodes%len(prefixes)], roleNodes/len(prefixes)+1)
			fmt.Fprintf(nodes, node, vm, 2000+roleNodes, i%250+1, name)
		case 3, 4:
			err = write(fmt.Sprintf("packages/%s/package.nix", name), fmt.Sprintf(pkg, name, name))
		case 5:
			err = write(fmt.Sprintf("flake/%s.nix", name), fmt.Sprintf(flakePart, name, name))
		default:
			// About 14 modules per folder, as in a maintained repository
			// (a few thousand files in one folder is not realistic).
			err = write(fmt.Sprintf("modules/%s/group%02d/%s.nix", d, i/200, name), fmt.Sprintf(module, d, name, name, 1000+i, name, name, i%250+1))
		}
		if err != nil {
			return st, err
		}
	}
	nodes.WriteString("  };\n}\n")
	return st, write("modules/infrastructure/nodes.nix", nodes.String())
}

const flake = `{
  description = "synthetic homelab";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      imports = [ ./flake ];
    };
}
`

const module = `# %[1]s: the %[2]s service.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkEnableOption mkIf mkOption types;
  cfg = config.mares.%[1]s.%[3]s;
in
{
  options.mares.%[1]s.%[3]s = {
    enable = mkEnableOption "the %[3]s service";
    openFirewall = mkEnableOption "the port of %[3]s";
    port = mkOption {
      type = types.port;
      default = %[4]d;
      description = "Port %[5]s listens on.";
    };
    extraSettings = mkOption {
      type = types.attrsOf types.str;
      default = { };
      description = "Extra settings written to the configuration file.";
    };
  };

  config = mkIf cfg.enable {
    systemd.services.%[6]s = {
      description = "synthetic service";
      wantedBy = [ "multi-user.target" ];
      after = [ "network-online.target" ];
      serviceConfig = {
        ExecStart = "${pkgs.hello}/bin/hello --port ${toString cfg.port}";
        DynamicUser = true;
        Restart = "on-failure";
        StateDirectory = "svc-%[7]d";
        # Hardening, as upstream NixOS modules do it.
        CapabilityBoundingSet = [ "" ];
        LockPersonality = true;
        MemoryDenyWriteExecute = true;
        NoNewPrivileges = true;
        PrivateDevices = true;
        PrivateTmp = true;
        ProtectClock = true;
        ProtectControlGroups = true;
        ProtectHome = true;
        ProtectHostname = true;
        ProtectKernelLogs = true;
        ProtectKernelModules = true;
        ProtectKernelTunables = true;
        ProtectSystem = "strict";
        RestrictAddressFamilies = [ "AF_INET" "AF_INET6" "AF_UNIX" ];
        RestrictNamespaces = true;
        RestrictRealtime = true;
        SystemCallArchitectures = "native";
        SystemCallFilter = [ "@system-service" "~@privileged" ];
      };
      environment = cfg.extraSettings // { PORT = toString cfg.port; };
    };
    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall [ cfg.port ];
  };
}
`

const role = `# Role %[4]s: composes the %[1]s module %[2]s.
{
  mares.%[1]s.%[2]s = {
    enable = true;
    openFirewall = true;
  };
  fileSystems."/srv/%[4]s" = {
    device = "/dev/disk/by-label/data-%[3]d";
    fsType = "ext4";
  };
  sops.secrets."%[4]s-token" = { };
  system.stateVersion = "24.11";
}
`

const node = `    %[1]s = {
      vmid = %[2]d;
      host = "10.0.%[3]d.10";
      roles = [ config.flake.nixosModules.role-%[4]s ];
      tags = [ "synthetic" ];
    };
`

const pkg = `{ lib, stdenv, fetchFromGitHub, makeWrapper }:

stdenv.mkDerivation (finalAttrs: {
  pname = "%[1]s";
  version = "1.2.3";
  src = fetchFromGitHub {
    owner = "example";
    repo = "%[2]s";
    rev = "v${finalAttrs.version}";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };
  nativeBuildInputs = [ makeWrapper ];
  installPhase = ''
    runHook preInstall
    install -Dm755 bin/* -t $out/bin
    runHook postInstall
  '';
  meta = with lib; {
    description = "synthetic package";
    license = licenses.mit;
    platforms = platforms.linux;
  };
})
`

const flakePart = `{ inputs, ... }:
{
  perSystem = { pkgs, system, ... }: {
    checks.%[1]s = pkgs.runCommand "check-%[2]s" { } ''
      echo ok > $out
    '';
    devShells.%[1]s = pkgs.mkShell { packages = [ pkgs.jq pkgs.git ]; };
  };
}
`
