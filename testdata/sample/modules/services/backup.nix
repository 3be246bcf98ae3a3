# Deliberate violation: this module turns the restic REST server on as soon
# as it is imported, instead of offering mares.services.backup.enable for a
# role to set.
{ pkgs, ... }:
{
  services.restic.server = {
    enable = true;
    dataDir = "/srv/restic";
    appendOnly = true;
  };
  environment.systemPackages = [ pkgs.restic ];
}
