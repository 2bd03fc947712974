package alexa

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The Alexa Presentation Language (APL): the interface a device with a
// screen lists in context.System.device.supportedInterfaces, the directive
// that shows a document, and the interface a skill declares in its
// manifest (apis.custom.interfaces) to receive the first and send the
// second. Without the declaration devices never list APL.
const (
	InterfaceAPL            = "Alexa.Presentation.APL"
	DirectiveRenderDocument = "Alexa.Presentation.APL.RenderDocument"
	ManifestInterfaceAPL    = "ALEXA_PRESENTATION_APL"
)

// APLMaxVersion returns the newest APL release the device runs
// (supportedInterfaces["Alexa.Presentation.APL"].runtime.maxVersion), or
// "" when it lists no APL or no version.
func (d Device) APLMaxVersion() string {
	raw, ok := d.SupportedInterfaces[InterfaceAPL]
	if !ok {
		return ""
	}
	var apl struct {
		Runtime struct {
			MaxVersion string `json:"maxVersion"`
		} `json:"runtime"`
	}
	if json.Unmarshal(raw, &apl) != nil {
		return ""
	}
	return apl.Runtime.MaxVersion
}

// SupportsAPL reports whether the device shows APL documents of version
// v: it lists APL with a runtime.maxVersion of v or later. A device that
// gives no version is not sent a document, since it could not be shown.
func (d Device) SupportsAPL(v string) bool {
	return APLVersionAtMost(v, d.APLMaxVersion())
}

// APLVersionAtMost reports whether APL release v is max or older. Releases
// are "1.0" to "1.9", then "2022.1" and on: major and minor compare as
// numbers. A version that does not parse is never at most anything.
func APLVersionAtMost(v, max string) bool {
	a, ok1 := parseAPLVersion(v)
	b, ok2 := parseAPLVersion(max)
	if !ok1 || !ok2 {
		return false
	}
	return a[0] < b[0] || a[0] == b[0] && a[1] <= b[1]
}

// parseAPLVersion reads "major.minor" (a patch level, "2023.3.1", is
// ignored: documents and devices speak of releases).
func parseAPLVersion(v string) ([2]int, bool) {
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return [2]int{}, false
	}
	var out [2]int
	for i := range out {
		n, err := strconv.Atoi(parts[i])
		if err != nil || n < 0 {
			return [2]int{}, false
		}
		out[i] = n
	}
	return out, true
}
