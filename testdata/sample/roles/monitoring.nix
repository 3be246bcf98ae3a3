{
  mares.monitoring.prometheus = {
    enable = true;
    scrapeTargets = [ "dns-01:9100" "db-01:9100" ];
  };
  # Deliberate violation: a role sets a detail that belongs in a module.
  nix.settings.substituters = [ "http://cache.lab.internal" ];
  system.stateVersion = "24.11";
}
