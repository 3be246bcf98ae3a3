{ config, lib, pkgs, ... }:
let
  inherit (lib) mkEnableOption mkIf mkOption types;
  cfg = config.mares.database.postgresql;
in
{
  options.mares.database.postgresql = {
    enable = mkEnableOption "PostgreSQL";
    openFirewall = mkEnableOption "port 5432 for the lab network";
    databases = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Databases to create, each owned by a user of the same name.";
    };
  };

  config = mkIf cfg.enable {
    services.postgresql = {
      enable = true;
      package = pkgs.postgresql_16;
      ensureDatabases = cfg.databases;
      ensureUsers = map (name: {
        inherit name;
        ensureDBOwnership = true;
      }) cfg.databases;
    };
    services.postgresqlBackup.enable = true;
    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall [ 5432 ];
  };
}
