{ lib, writeShellApplication, restic, curl }:

writeShellApplication {
  name = "homelab-backup";
  # Deliberate violation: a missing semicolon.
  runtimeInputs = [ restic curl ]
  text = ''
    set -euo pipefail
    restic backup --one-file-system "$@"
    curl -fsS "''${HEALTHCHECK_URL:-http://localhost/ping}" > /dev/null
  '';
  meta = {
    description = "Run a restic backup and ping the health check";
    license = lib.licenses.mit;
  };
}
