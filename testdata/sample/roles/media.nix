{
  mares.media.jellyfin.enable = true;
  mares.storage.nfs.enable = false;
  mares.networking.reverse-proxy = {
    enable = true;
    openFirewall = true;
    hosts."media.lab.internal" = "localhost:8096";
  };
  fileSystems."/srv/media" = {
    device = "nas-01:/export/media";
    fsType = "nfs";
  };
  hardware.graphics.enable = true;
  system.stateVersion = "24.11";
}
