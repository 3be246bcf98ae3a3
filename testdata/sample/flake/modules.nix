# Exposes every module and role as a flake output, so the machine registry
# can refer to roles as config.flake.nixosModules.role-<name>.
{ lib, ... }:
let
  roleFiles = lib.filterAttrs (name: type: type == "regular" && lib.hasSuffix ".nix" name) (builtins.readDir ../roles);
  roles = lib.mapAttrs' (name: _: {
    name = "role-${lib.removeSuffix ".nix" name}";
    value = ../roles + "/${name}";
  }) roleFiles;
in
{
  flake.nixosModules = roles // {
    default = ../modules;
  };
}
