{ config, lib, ... }:
let
  cfg = config.mares.monitoring.prometheus;
in
{
  options.mares.monitoring.prometheus = {
    enable = lib.mkEnableOption "Prometheus";
    scrapeTargets = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
    };
  };

  config = lib.mkIf cfg.enable {
    services.prometheus = {
      enable = true;
      scrapeConfigs = [
        {
          job_name = "node";
          static_configs = [ { targets = cfg.scrapeTargets; } ];
        }
      ];
      retentionTime = "30d";
    };
  };
}
