# Deliberate violation: this module turns restic on as soon as it is
# imported, instead of offering mares.services.backup.enable for a role.
{ config, pkgs, ... }:
{
  services.restic.backups.daily = {
    repository = "sftp:backup@nas-01:/srv/restic";
    passwordFile = config.sops.secrets.restic-password.path;
    paths = [ "/var/lib" ];
    timerConfig.OnCalendar = "daily";
  };
  environment.systemPackages = [ pkgs.restic ];
}
