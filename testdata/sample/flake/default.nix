{
  imports = [
    ./modules.nix
    ./nixos.nix
    ./packages.nix
  ];
}
