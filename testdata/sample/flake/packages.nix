{
  perSystem = { pkgs, ... }: {
    packages.homelab-backup = pkgs.callPackage ../packages/homelab-backup/package.nix { };
  };
}
