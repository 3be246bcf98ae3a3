{ lib, ... }:
{
  options.mares.infrastructure.nodes = lib.mkOption {
    type = lib.types.attrsOf lib.types.attrs;
    default = { };
    description = "The machine registry: every node, its roles and its Proxmox VM id.";
  };
}
