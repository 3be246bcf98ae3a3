{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.myapp;
  format = pkgs.formats.yaml { };
  configFile = format.generate "myapp.yaml" cfg.settings;
in
{
  options.services.myapp = {
    enable = mkEnableOption "my application";

    package = mkOption {
      type = types.package;
      default = pkgs.hello;
      defaultText = literalExpression "pkgs.hello";
      description = "The package to use.";
    };

    port = mkOption {
      type = types.port;
      default = 8080;
      description = ''
        Port to listen on.
        Must be free.
      '';
    };

    settings = mkOption {
      type = format.type;
      default = { };
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
    };
  };

  config = mkIf cfg.enable {
    systemd.services.myapp = {
      description = "My application";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        ExecStart = "${cfg.package}/bin/myapp --config ${configFile} --port ${toString cfg.port}";
        DynamicUser = true;
        Restart = "on-failure";
        StateDirectory = "myapp";
      };
    };

    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall [ cfg.port ];
    environment.systemPackages = [ cfg.package ];
  };
}
