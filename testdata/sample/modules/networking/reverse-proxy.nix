{ config, lib, ... }:
let
  cfg = config.mares.networking.reverse-proxy;
in
{
  options.mares.networking.reverse-proxy = {
    enable = lib.mkEnableOption "Caddy as the reverse proxy";
    openFirewall = lib.mkEnableOption "ports 80 and 443 in the firewall";
    hosts = lib.mkOption {
      type = lib.types.attrsOf lib.types.str;
      default = { };
      description = "Virtual host name -> upstream address.";
    };
  };

  config = lib.mkIf cfg.enable {
    services.caddy = {
      enable = true;
      virtualHosts = lib.mapAttrs (_: upstream: {
        extraConfig = "reverse_proxy ${upstream}";
      }) cfg.hosts;
    };
    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall [ 80 443 ];
  };
}
