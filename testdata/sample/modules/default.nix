{
  imports = [
    ./networking
    ./media/jellyfin.nix
    ./database/postgresql.nix
    ./services/backup.nix
    ./services/ssh.nix
    ./monitoring/prometheus.nix
    ./storage/nfs.nix
    ./infrastructure/options.nix
  ];
}
