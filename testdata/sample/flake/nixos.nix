# One nixosConfiguration per node of the machine registry.
{ inputs, config, lib, ... }:
let
  nodes = config.flake.mares.infrastructure.nodes;
  mkNode = name: node:
    inputs.nixpkgs.lib.nixosSystem {
      system = node.system or "x86_64-linux";
      specialArgs = { inherit inputs; };
      modules = [
        config.flake.nixosModules.default
        inputs.sops-nix.nixosModules.sops
        { networking.hostName = name; }
      ] ++ node.roles;
    };
in
{
  imports = [ ../modules/infrastructure/nodes.nix ];
  flake.nixosConfigurations = lib.mapAttrs mkNode nodes;
}
