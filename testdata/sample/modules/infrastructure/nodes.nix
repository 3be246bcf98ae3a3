# The machine registry of the lab.
{ config, lib, ... }:
let
  roles = config.flake.nixosModules;
in
{
  options.flake.mares.infrastructure.nodes = lib.mkOption {
    type = lib.types.attrsOf lib.types.attrs;
    default = { };
  };

  config.flake.mares.infrastructure.nodes = {
    dns-01 = {
      vmid = 100;
      host = "10.0.0.10";
      roles = [ roles.role-dns ];
      tags = [ "infrastructure" ];
    };
    db-01 = {
      vmid = 221;
      host = "10.0.0.21";
      roles = [ roles.role-database ];
      tags = [ "database" ];
    };
    plex-01 = {
      vmid = 261;
      host = "10.0.0.61";
      roles = [ roles.role-media ];
      tags = [ "media" ];
    };
    # Deliberate violation: 42 is reserved for cluster/system use.
    mon-01 = {
      vmid = 42;
      host = "10.0.0.42";
      roles = [ roles.role-monitoring ];
      tags = [ "monitoring" ];
    };
    # Deliberate violation: uppercase and a one-digit number.
    Backup-1 = {
      vmid = 141;
      host = "10.0.0.41";
      roles = [ roles.role-monitoring ];
      tags = [ "backup" ];
    };
  };
}
