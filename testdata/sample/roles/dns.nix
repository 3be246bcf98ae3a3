# DNS for the lab: the resolver, reachable from the network.
{
  mares.networking.dns = {
    enable = true;
    openFirewall = true;
  };
  system.stateVersion = "24.11";
}
