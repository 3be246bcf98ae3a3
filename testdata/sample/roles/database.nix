{
  mares.database.postgresql = {
    enable = true;
    openFirewall = true;
    databases = [ "nextcloud" "grafana" ];
  };
  fileSystems."/var/lib/postgresql" = {
    device = "/dev/disk/by-label/pgdata";
    fsType = "ext4";
  };
  sops.secrets.restic-password = { };
  system.stateVersion = "24.11";
}
