package alexa

import (
	"encoding/json"
	"testing"
)

func TestAPLVersionAtMost(t *testing.T) {
	for _, c := range []struct {
		v, max string
		want   bool
	}{
		{"1.4", "1.6", true},
		{"1.6", "1.6", true},
		{"2023.3", "1.6", false},
		{"1.10", "1.9", false},
		{"1.9", "2022.1", true},
		{"2023.3", "2024.3", true},
		{"2024.3", "2024.3.1", true},
		{"1.4", "", false},
		{"", "2024.1", false},
		{"1", "2024.1", false},
		{"1.x", "2024.1", false},
	} {
		if got := APLVersionAtMost(c.v, c.max); got != c.want {
			t.Errorf("APLVersionAtMost(%q, %q) = %v, want %v", c.v, c.max, got, c.want)
		}
	}
}

func TestSupportsAPL(t *testing.T) {
	for _, c := range []struct {
		name, iface string
		want        bool
	}{
		{"new screen", `{"runtime": {"maxVersion": "2024.3"}}`, true},
		{"old screen", `{"runtime": {"maxVersion": "1.3"}}`, false},
		{"no version", `{}`, false},
		{"no APL", ``, false},
	} {
		d := Device{SupportedInterfaces: map[string]json.RawMessage{}}
		if c.iface != "" {
			d.SupportedInterfaces[InterfaceAPL] = json.RawMessage(c.iface)
		}
		if got := d.SupportsAPL("1.4"); got != c.want {
			t.Errorf("%s: SupportsAPL(1.4) = %v, want %v", c.name, got, c.want)
		}
	}
}
