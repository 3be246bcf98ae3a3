{ config, lib, pkgs, ... }:
let
  cfg = config.mares.media.jellyfin;
in
{
  options.mares.media.jellyfin = {
    enable = lib.mkEnableOption "Jellyfin media server";
    mediaDir = lib.mkOption {
      type = lib.types.path;
      default = "/srv/media";
    };
  };

  config = lib.mkIf cfg.enable {
    services.jellyfin = {
      enable = true;
      package = pkgs.jellyfin;
    };
    systemd.tmpfiles.rules = [ "d ${cfg.mediaDir} 0755 jellyfin jellyfin -" ];
    # Deliberate violation: the port is opened without a toggle option.
    networking.firewall.allowedTCPPorts = [ 8096 ];
  };
}
