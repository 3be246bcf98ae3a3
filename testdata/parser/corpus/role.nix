{ config, lib, pkgs, ... }:
let
  inherit (lib) mkDefault mkForce optionalAttrs;
  domain = "example.org";
  mkVhost = name: port: {
    "${name}.${domain}" = {
      forceSSL = true;
      useACMEHost = domain;
      locations."/".proxyPass = "http://127.0.0.1:${toString port}";
    };
  };
in
{
  imports = [ ./modules/services/media.nix ./modules/database/postgres.nix ];

  services.nginx = {
    enable = true;
    recommendedProxySettings = true;
    virtualHosts = mkVhost "jellyfin" 8096 // mkVhost "grafana" 3000;
  };

  sops.secrets."grafana/admin-password" = {
    owner = "grafana";
    sopsFile = ./secrets/grafana.yaml;
  };

  fileSystems."/mnt/media" = {
    device = "nas:/export/media";
    fsType = "nfs";
    options = [ "x-systemd.automount" "noauto" ];
  };

  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" "video" ] ++ lib.optional config.services.jellyfin.enable "jellyfin";
    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3Nza alice@laptop" ];
  };

  boot.kernel.sysctl."net.ipv4.ip_forward" = mkDefault 1;
  time.timeZone = "Europe/Berlin";
  system.stateVersion = "23.11";
}
