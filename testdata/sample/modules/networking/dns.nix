# Unbound as the resolver of the lab: the module implements, a role enables.
{ config, lib, ... }:
let
  inherit (lib) mkEnableOption mkIf mkOption types;
  cfg = config.mares.networking.dns;
in
{
  options.mares.networking.dns = {
    enable = mkEnableOption "the Unbound DNS resolver";
    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Open port 53 (TCP and UDP) for the local network.";
    };
    localZone = mkOption {
      type = types.str;
      default = "lab.internal";
      description = "Zone answered locally.";
    };
  };

  config = mkIf cfg.enable {
    services.unbound = {
      enable = true;
      settings.server = {
        interface = [ "0.0.0.0" ];
        access-control = [ "10.0.0.0/8 allow" ];
        local-zone = [ "\"${cfg.localZone}.\" static" ];
      };
    };
    networking.firewall = mkIf cfg.openFirewall {
      allowedTCPPorts = [ 53 ];
      allowedUDPPorts = [ 53 ];
    };
  };
}
