{ lib, ... }:
{
  # Every machine must stay reachable for deployment, whatever its roles.
  services.openssh.enable = true; # nixlint:ignore module-self-enable -- deploy-rs needs ssh on every machine
  services.openssh.settings = {
    PasswordAuthentication = false;
    PermitRootLogin = lib.mkDefault "prohibit-password";
  };
}
