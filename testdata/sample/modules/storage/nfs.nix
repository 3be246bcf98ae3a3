{ config, lib, ... }:
let
  cfg = config.mares.storage.nfs;
in
{
  options.mares.storage.nfs = {
    enable = lib.mkEnableOption "the NFS server";
    openFirewall = lib.mkEnableOption "the NFS ports";
    exports = lib.mkOption {
      type = lib.types.lines;
      default = "";
    };
  };

  config = lib.mkIf cfg.enable {
    services.nfs.server = {
      enable = true;
      inherit (cfg) exports;
    };
    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall [ 2049 ];
  };
}
