package conventions

import (
	"github.com/nixlint/nixlint/internal/didyoumean"
	"sort"

	"github.com/nixlint/nixlint/config"
)

// synonyms maps names people give VMs to the prefix of CONVENTIONS.md's
// vocabulary they stand for. Edit distance alone cannot see that `hass`
// means `ha` or `postgres` means `db`.
var synonyms = map[string]string{
	"hass": "ha", "homeassistant": "ha", "home-assistant": "ha", "hassio": "ha", "homeautomation": "ha",
	"postgres": "db", "postgresql": "db", "pg": "db", "psql": "db", "mysql": "db", "mariadb": "db", "sql": "db", "database": "db", "mongo": "db", "mongodb": "db",
	"redis": "cache", "memcached": "cache", "valkey": "cache",
	"kube": "k8s", "kubernetes": "k8s", "k3s": "k8s", "rke": "k8s", "talos": "k8s",
	"pihole": "pi", "pi-hole": "pi", "adguard": "pi", "blocky": "dns",
	"unbound": "dns", "bind": "dns", "powerdns": "dns", "kea": "dhcp",
	"router": "fw", "firewall": "fw", "opnsense": "fw", "pfsense": "fw", "gw": "fw", "gateway": "fw",
	"wireguard": "vpn", "wg": "vpn", "tailscale": "vpn", "headscale": "vpn", "openvpn": "vpn",
	"nginx": "proxy", "caddy": "proxy", "traefik": "proxy", "haproxy": "proxy", "rproxy": "proxy",
	"prometheus": "mon", "grafana": "mon", "monitoring": "mon", "monitor": "mon", "loki": "mon", "zabbix": "mon",
	"gitea": "git", "forgejo": "git", "gitlab": "git",
	"jenkins": "ci", "hydra": "ci", "runner": "ci", "builder": "build",
	"jellyfin": "media", "emby": "media", "arr": "media", "sonarr": "media", "radarr": "media",
	"mosquitto": "mqtt", "broker": "mqtt",
	"frigate": "cam", "nvr": "cam", "camera": "cam", "zoneminder": "cam",
	"truenas": "nas", "samba": "nas", "smb": "nas", "fileserver": "nfs", "files": "nfs",
	"minio": "store", "storage": "store", "ceph": "store",
	"restic": "backup", "borg": "backup", "pbs": "backup",
	"openldap": "ldap", "kanidm": "ldap", "freeipa": "ldap", "ad": "ldap", "auth": "ldap",
	"mailserver": "mail", "smtp": "mail", "imap": "mail", "postfix": "mail",
	"www": "web", "webserver": "web", "http": "web",
	"dockerhost": "docker", "podman": "docker",
	"application": "app", "apps": "app",
}

// didYouMean returns the vocabulary prefix p most likely stands for, or "".
func didYouMean(p string, conv *config.Conventions) string {
	if len(p) > maxLabel {
		return ""
	}
	if s, ok := synonyms[p]; ok && conv.IsPrefix(s) {
		return s
	}
	best, bestD := "", 1<<30
	limit := 1
	if len(p) > 4 {
		limit = 2
	}
	names := conv.PrefixNames()
	sort.Strings(names)
	for _, c := range names {
		d := didyoumean.Distance(p, c)
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= limit && bestD < len(p) {
		return best
	}
	return ""
}
