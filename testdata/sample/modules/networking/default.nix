{
  imports = [
    ./dns.nix
    ./reverse-proxy.nix
  ];
}
