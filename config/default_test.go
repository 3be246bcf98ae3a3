package config

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	cfg, err := parseDefault()
	if err != nil {
		t.Fatalf("the embedded default does not load: %v", err)
	}
	if cfg.File != "" {
		t.Errorf("File = %q, want empty for the default", cfg.File)
	}
	want := Layout{Flake: "flake", Roles: "roles", Modules: "modules", Packages: "packages", Infrastructure: "modules/infrastructure"}
	if cfg.Layout != want {
		t.Errorf("layout = %+v", cfg.Layout)
	}
	if len(cfg.Exclude) != 0 || len(cfg.Rules) != 0 || len(cfg.Exceptions) != 0 {
		t.Errorf("default has exclude %v, rules %v, exceptions %v", cfg.Exclude, cfg.Rules, cfg.Exceptions)
	}
	for _, r := range cfg.Conventions.IDRanges {
		if r.Line != 0 {
			t.Errorf("default range %+v has a line: errors would point into the user's file", r)
		}
	}
}

// stripPositions clears what only says where a value was written.
func stripPositions(c *Config) *Config {
	c.File = ""
	for i := range c.Conventions.IDRanges {
		c.Conventions.IDRanges[i].Line = 0
	}
	for i := range c.Conventions.VMSources {
		c.Conventions.VMSources[i].Line = 0
	}
	return c
}

// Loading the default as a user file gives exactly the default: the file
// `nixlint config --default` prints is a valid starting point.
func TestDefaultRoundTrip(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(DefaultTOML()), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Load(p, testSchema)
	if err != nil {
		t.Fatal(err)
	}
	if got.Conventions.IDRanges[0].Line == 0 {
		t.Errorf("ranges loaded from a file carry no line")
	}
	if want := Default(); !reflect.DeepEqual(stripPositions(got), want) {
		t.Errorf("loading the default as a file differs from Default():\n got %+v\nwant %+v", got, want)
	}
}

// conventionRanges is every range CONVENTIONS.md lists under "Proxmox VM ID
// Conventions", with the class the default gives it.
var conventionRanges = []struct {
	start, end  int
	name, class string
}{
	{1, 99, "Reserved for cluster/system use", ClassSystem},
	{100, 999, "Production VMs", ClassProduction},
	{1000, 1999, "Templates", ClassTemplate},
	{2000, 2999, "Development/Test VMs", ClassDevelopment},
	{9000, 9999, "Temporary/Clone VMs", ClassTemporary},
	{100, 199, "Infrastructure Services", ClassProduction},
	{100, 109, "DNS/DHCP", ClassProduction},
	{110, 119, "Authentication/Directory (LDAP, AD)", ClassProduction},
	{120, 129, "Monitoring/Logging", ClassProduction},
	{130, 139, "Build/CI Services", ClassProduction},
	{140, 149, "Backup Services", ClassProduction},
	{150, 159, "Storage Services", ClassProduction},
	{160, 169, "Network Services", ClassProduction},
	{170, 179, "Security Services", ClassProduction},
	{180, 189, "Management Tools", ClassProduction},
	{190, 199, "Other Infrastructure", ClassProduction},
	{200, 399, "Applications", ClassProduction},
	{200, 219, "Web Services", ClassProduction},
	{220, 239, "Database Servers", ClassProduction},
	{240, 259, "Mail Services", ClassProduction},
	{260, 279, "Media Services", ClassProduction},
	{280, 299, "Home Automation", ClassProduction},
	{300, 319, "Documentation/Wiki", ClassProduction},
	{320, 339, "Communication Services", ClassProduction},
	{340, 359, "File Sharing", ClassProduction},
	{360, 379, "Development Tools", ClassProduction},
	{380, 399, "Other Applications", ClassProduction},
	{400, 499, "Container Platforms", ClassProduction},
	{400, 419, "Kubernetes Nodes", ClassProduction},
	{420, 439, "Docker Hosts", ClassProduction},
	{440, 459, "Container Management", ClassProduction},
	{460, 479, "Container Registry", ClassProduction},
	{480, 499, "Other Container Services", ClassProduction},
	{500, 599, "Storage Solutions", ClassProduction},
	{500, 519, "Primary Storage", ClassProduction},
	{520, 539, "Backup Storage", ClassProduction},
	{540, 559, "Archive Storage", ClassProduction},
	{560, 579, "Object Storage", ClassProduction},
	{580, 599, "Other Storage", ClassProduction},
	{600, 699, "Network Services", ClassProduction},
	{600, 619, "Firewalls/Routers", ClassProduction},
	{620, 639, "VPN Services", ClassProduction},
	{640, 659, "Load Balancers", ClassProduction},
	{660, 679, "Proxy Services", ClassProduction},
	{680, 699, "Other Network Services", ClassProduction},
	{700, 899, "Special Purpose", ClassProduction},
	{700, 749, "Analytics/Metrics", ClassProduction},
	{750, 799, "AI/ML Services", ClassProduction},
	{800, 849, "IoT Services", ClassProduction},
	{850, 899, "Custom Solutions", ClassProduction},
	{900, 999, "Future Use/Expansion", ClassReserved},
	{1000, 1099, "Linux Distribution Templates", ClassTemplate},
	{1100, 1199, "Windows Templates", ClassTemplate},
	{1200, 1299, "Application Templates", ClassTemplate},
	{1300, 1399, "Container Templates", ClassTemplate},
	{1400, 1499, "Custom Templates", ClassTemplate},
	{1500, 1999, "Reserved for Future Templates", ClassReserved},
	{2000, 2199, "Development Environment", ClassDevelopment},
	{2200, 2399, "Testing Environment", ClassDevelopment},
	{2400, 2599, "Staging Environment", ClassDevelopment},
	{2600, 2799, "QA Environment", ClassDevelopment},
	{2800, 2999, "Experimental VMs", ClassDevelopment},
	{9000, 9499, "Clones", ClassTemporary},
	{9500, 9699, "Testing", ClassTemporary},
	{9700, 9899, "Temporary Workloads", ClassTemporary},
	{9900, 9999, "Emergency/Recovery", ClassTemporary},
}

func TestDefaultIDRanges(t *testing.T) {
	c := Default().Conventions
	if len(c.IDRanges) != len(conventionRanges) {
		t.Errorf("default has %d ranges, CONVENTIONS.md %d", len(c.IDRanges), len(conventionRanges))
	}
	for _, want := range conventionRanges {
		r, ok := c.RangeBySpan(Span{want.start, want.end})
		if !ok || r.Name != want.name || r.Class != want.class {
			t.Errorf("range %d-%d = %+v %v, want %q class %s", want.start, want.end, r, ok, want.name, want.class)
		}
	}
}

// conventionPrefixes is the "Purpose Prefixes" list of CONVENTIONS.md.
var conventionPrefixes = map[string]string{
	"dns": "DNS Servers", "dhcp": "DHCP Services", "fw": "Firewalls", "proxy": "Reverse Proxies",
	"mon": "Monitoring Services", "backup": "Backup Services", "nfs": "File Servers", "git": "Git Servers",
	"ldap": "Directory Services", "vpn": "VPN Services", "build": "Build Servers/CI",
	"web": "Web Servers", "app": "Application Servers", "db": "Database Servers", "cache": "Caching Services",
	"mail": "Mail Servers", "ci": "CI/CD Services", "docker": "Docker Hosts", "k8s": "Kubernetes Nodes",
	"mqtt": "Message Brokers",
	"nas":  "Network Attached Storage", "san": "Storage Area Network", "store": "General Storage",
	"archive": "Archive Storage",
	"plex":    "Media Servers", "ha": "Home Assistant", "cam": "Camera/Surveillance", "media": "Media Services",
	"pi": "Pi-hole/DNS Filtering",
}

func TestDefaultPrefixes(t *testing.T) {
	if got := Default().Conventions.Prefixes; !reflect.DeepEqual(got, conventionPrefixes) {
		t.Errorf("prefixes = %v", got)
	}
}

// The purpose -> range mapping of DESIGN.md section 4.
func TestDefaultPurposes(t *testing.T) {
	design := map[string][]Span{}
	add := func(spans []Span, ps ...string) {
		for _, p := range ps {
			design[p] = spans
		}
	}
	add([]Span{{100, 109}}, "dns", "dhcp", "pi")
	add([]Span{{110, 119}}, "ldap")
	add([]Span{{120, 129}}, "mon")
	add([]Span{{130, 139}}, "build", "ci")
	add([]Span{{140, 149}, {520, 539}}, "backup")
	add([]Span{{150, 159}}, "nfs")
	add([]Span{{150, 159}, {500, 519}}, "nas", "san", "store")
	add([]Span{{540, 559}}, "archive")
	add([]Span{{200, 219}}, "web")
	add([]Span{{220, 239}}, "db")
	add([]Span{{220, 239}, {380, 399}}, "cache")
	add([]Span{{240, 259}}, "mail")
	add([]Span{{260, 279}}, "plex", "media")
	add([]Span{{280, 299}}, "ha")
	add([]Span{{280, 299}, {800, 849}}, "cam", "mqtt")
	add([]Span{{130, 139}, {360, 379}}, "git")
	add([]Span{{200, 399}}, "app")
	add([]Span{{400, 419}}, "k8s")
	add([]Span{{420, 439}}, "docker")
	add([]Span{{600, 619}}, "fw")
	add([]Span{{620, 639}}, "vpn")
	add([]Span{{660, 679}}, "proxy")
	if got := Default().Conventions.Purposes; !reflect.DeepEqual(got, design) {
		t.Errorf("purposes = %v\nwant %v", got, design)
	}
}

func TestDefaultSources(t *testing.T) {
	c := Default().Conventions
	want := []VMSource{
		{Path: "**.nodes.<name>", ID: []string{"vmid", "vmId", "vm_id"}, Template: "template", Kind: KindVM},
		{Path: "services.proxmox-ve.vms.<name>", ID: []string{"vmid"}, Kind: KindVM},
		{Path: "resource.proxmox_vm_qemu.<r>", ID: []string{"vmid"}, Name: "name", Kind: KindVM},
		{Path: "resource.proxmox_lxc.<r>", ID: []string{"vmid"}, Name: "hostname", Kind: KindContainer},
		{Path: "resource.proxmox_virtual_environment_vm.<r>", ID: []string{"vm_id"}, Name: "name", Template: "template", Kind: KindVM},
		{Path: "resource.proxmox_virtual_environment_container.<r>", ID: []string{"vm_id"}, Name: "initialization.hostname", Template: "template", Kind: KindContainer},
		{Path: "proxmox.qemu.<name>", ID: []string{"vmid"}, Kind: KindVM},
		{Path: "proxmox.lxc.<name>", ID: []string{"vmid"}, Kind: KindContainer},
		{Path: "proxmox.qemuConf", ID: []string{}, Name: "name", Kind: KindVM},
	}
	if !reflect.DeepEqual(c.VMSources, want) {
		t.Errorf("sources = %+v", c.VMSources)
	}
	if c.RoleReference != "role-{name}" || !reflect.DeepEqual(c.Environments, []string{"dev", "prod", "staging", "test", "qa"}) {
		t.Errorf("role reference %q, environments %q", c.RoleReference, c.Environments)
	}
}

// When the user's CONVENTIONS.md is next to the repository (as in the
// project's checkout and CI), check the default against the document itself,
// so an edit of the document shows up here.
func TestDefaultMatchesConventionsDocument(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "shared", "CONVENTIONS.md"))
	if err != nil {
		t.Skipf("CONVENTIONS.md not beside the repository: %v", err)
	}
	c := Default().Conventions
	rangeLine := regexp.MustCompile("(?m)^- `(\\d+)-(\\d+)`: (.+)$")
	ms := rangeLine.FindAllStringSubmatch(string(doc), -1)
	if len(ms) < 60 {
		t.Fatalf("found only %d ranges in CONVENTIONS.md", len(ms))
	}
	for _, m := range ms {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if _, ok := c.RangeBySpan(Span{a, b}); !ok {
			t.Errorf("CONVENTIONS.md range %d-%d (%s) is not in the default", a, b, m[3])
		}
	}
	prefixLine := regexp.MustCompile("(?m)^- `([a-z0-9]+)`: (.+)$")
	ps := prefixLine.FindAllStringSubmatch(string(doc), -1)
	if len(ps) < 29 {
		t.Fatalf("found only %d prefixes in CONVENTIONS.md", len(ps))
	}
	for _, m := range ps {
		if got := c.Prefixes[m[1]]; got != m[2] {
			t.Errorf("prefix %q = %q in the default, %q in CONVENTIONS.md", m[1], got, m[2])
		}
	}
}

// Changing what Default returns must not change the next Default.
func TestDefaultIsACopy(t *testing.T) {
	a := Default()
	a.Conventions.Prefixes["hass"] = "x"
	a.Conventions.Purposes["db"][0] = Span{1, 2}
	a.Conventions.IDRanges[0].Name = "x"
	a.Conventions.VMSources[0].ID[0] = "x"
	a.Conventions.Environments[0] = "x"
	a.Layout.Flake = "x"
	b := Default()
	if b.Conventions.IsPrefix("hass") || b.Conventions.Purposes["db"][0] != (Span{220, 239}) ||
		b.Conventions.IDRanges[0].Name == "x" || b.Conventions.VMSources[0].ID[0] == "x" ||
		b.Conventions.Environments[0] == "x" || b.Layout.Flake == "x" {
		t.Errorf("Default shares state between calls")
	}
	if fresh, _ := parseDefault(); !reflect.DeepEqual(fresh, b) {
		t.Errorf("the cached default differs from a fresh parse")
	}
}
