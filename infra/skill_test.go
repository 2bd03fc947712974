package infra_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/nlu"
)

var stackOutputs = flag.String("stack-outputs", "", "write the FunctionArn from this `file` (sam list stack-outputs --output json) into skill.json")

const skillJSON = "skill-package/skill.json"

// lambdaARN is a function ARN in a region where Lambda accepts the Alexa
// Skills Kit trigger (us-east-1, us-west-2, eu-west-1, ap-northeast-1).
var lambdaARN = regexp.MustCompile(`^arn:aws:lambda:(us-east-1|us-west-2|eu-west-1|ap-northeast-1):[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$`)

// disclaimer must appear in every locale's description: Alexa's policy for
// skills that give health information, and this project's promise.
const disclaimer = "not a substitute for professional medical advice"

// countries are the distribution countries of the skill's locales.
var countries = map[string]string{"en-US": "US", "en-CA": "CA", "en-GB": "GB", "en-AU": "AU", "en-IN": "IN"}

// manifest is what the checks read from skill.json.
type manifest struct {
	Manifest struct {
		PublishingInformation struct {
			Locales map[string]struct {
				Name           string   `json:"name"`
				Summary        string   `json:"summary"`
				Description    string   `json:"description"`
				ExamplePhrases []string `json:"examplePhrases"`
				Keywords       []string `json:"keywords"`
				SmallIconURI   string   `json:"smallIconUri"`
				LargeIconURI   string   `json:"largeIconUri"`
			} `json:"locales"`
			IsAvailableWorldwide  bool     `json:"isAvailableWorldwide"`
			DistributionCountries []string `json:"distributionCountries"`
			Category              string   `json:"category"`
			TestingInstructions   string   `json:"testingInstructions"`
		} `json:"publishingInformation"`
		APIs struct {
			Custom *struct {
				Endpoint *struct {
					URI string `json:"uri"`
				} `json:"endpoint"`
				Interfaces []struct {
					Type               string     `json:"type"`
					SupportedViewports []viewport `json:"supportedViewports"`
				} `json:"interfaces"`
			} `json:"custom"`
		} `json:"apis"`
		Events *struct {
			Endpoint struct {
				URI string `json:"uri"`
			} `json:"endpoint"`
			Subscriptions []struct {
				EventName string `json:"eventName"`
			} `json:"subscriptions"`
		} `json:"events"`
		ManifestVersion      string `json:"manifestVersion"`
		PrivacyAndCompliance struct {
			AllowsPurchases   *bool `json:"allowsPurchases"`
			IsChildDirected   *bool `json:"isChildDirected"`
			IsExportCompliant *bool `json:"isExportCompliant"`
			ContainsAds       *bool `json:"containsAds"`
			UsesPersonalInfo  bool  `json:"usesPersonalInfo"`
			Locales           map[string]struct {
				PrivacyPolicyURL string `json:"privacyPolicyUrl"`
				TermsOfUseURL    string `json:"termsOfUseUrl"`
			} `json:"locales"`
		} `json:"privacyAndCompliance"`
	} `json:"manifest"`
}

// viewport is one viewport profile the APL interface supports.
type viewport struct {
	Mode      string `json:"mode"`
	Shape     string `json:"shape"`
	MinWidth  int    `json:"minWidth"`
	MaxWidth  int    `json:"maxWidth"`
	MinHeight int    `json:"minHeight"`
	MaxHeight int    `json:"maxHeight"`
}

// customInterfaces are the interface types a custom skill's manifest may
// declare (apis.custom.interfaces[].type).
var customInterfaces = []string{
	alexa.ManifestInterfaceAPL, "ALEXA_PRESENTATION_APLT", "ALEXA_PRESENTATION_HTML",
	"AUDIO_PLAYER", "VIDEO_APP", "RENDER_TEMPLATE", "GAME_ENGINE",
	"GADGET_CONTROLLER", "CAN_FULFILL_INTENT_REQUEST", "ALEXA_EXTENSION", "APP_LINKS",
}

// requiredInterfaces are the interfaces this skill uses: the routine
// screen (internal/routine) sends Alexa.Presentation.APL.RenderDocument,
// which devices only accept from a skill that declares the interface (the
// transcripts check every directive sent against the declared list too).
var requiredInterfaces = []string{alexa.ManifestInterfaceAPL}

// Viewport modes and shapes of the APL interface's viewport profiles.
var (
	viewportModes  = []string{"HUB", "TV", "MOBILE", "PC", "AUTO"}
	viewportShapes = []string{"RECTANGLE", "ROUND"}
)

// Icon sizes the skill store wants, in pixels, PNG.
const (
	smallIcon = 108
	largeIcon = 512
)

// emergencyNumbers reads the number triage tells each locale to call.
func emergencyNumbers(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "internal", "triage", "data", "locales.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Locales map[string]struct {
			Emergency string `yaml:"emergency"`
		} `yaml:"locales"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for l, v := range f.Locales {
		out[l] = v.Emergency
	}
	return out
}

func TestSkillManifest(t *testing.T) {
	b, err := os.ReadFile(skillJSON)
	if err != nil {
		t.Fatal(err)
	}
	if canon, err := canonical(b); err != nil {
		t.Fatal(err)
	} else if !bytes.Equal(canon, b) {
		t.Errorf("%s is not indented as encoding/json indents (two spaces, one value a line), so a written endpoint would reformat it", skillJSON)
	}
	for _, problem := range checkManifest(b, emergencyNumbers(t)) {
		t.Error(problem)
	}
}

// TestSkillManifestCatch makes sure the manifest checks can fail.
func TestSkillManifestCatch(t *testing.T) {
	b, err := os.ReadFile(skillJSON)
	if err != nil {
		t.Fatal(err)
	}
	numbers := emergencyNumbers(t)
	replace := func(old, new string) func([]byte) []byte {
		return func(b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
	}
	const validARN = "arn:aws:lambda:us-east-1:123456789012:function:night-legs"
	for _, c := range []struct {
		name    string
		breakIt func([]byte) []byte
		want    string
	}{
		{"no disclaimer", replace(disclaimer, "a substitute"), "disclaimer"},
		{"US number in en-GB", replace("call 999", "call 911"), "emergency number 999"},
		{"phrase not in the model", replace("Alexa, tell night legs my calf is cramping", "Alexa, tell night legs my elbow tickles"), "example phrase"},
		{"no wake word", replace("Alexa, open night legs", "open night legs"), "example phrase"},
		{"no export answer", replace(`"isExportCompliant": true,`, ``), "isExportCompliant is missing"},
		{"no APL interface", replace(`"type": "ALEXA_PRESENTATION_APL"`, `"type": "AUDIO_PLAYER"`), "must declare ALEXA_PRESENTATION_APL"},
		{"unknown interface", replace(`"type": "ALEXA_PRESENTATION_APL"`, `"type": "SCREEN"`), `unknown type "SCREEN"`},
		{"viewport mode", replace(`"mode": "TV"`, `"mode": "CINEMA"`), "viewport"},
		{"viewport sizes", replace(`"maxWidth": 599`, `"maxWidth": 99`), "viewport"},
		{"one icon", replace(`"name": "Night Legs",`, `"name": "Night Legs", "smallIconUri": "https://example.com/small.png",`), "largeIconUri is missing"},
		{"icon over http", replace(`"name": "Night Legs",`, `"name": "Night Legs", "smallIconUri": "http://example.com/s.png", "largeIconUri": "https://example.com/l.png",`), "https URL"},
		{"icon file missing", replace(`"name": "Night Legs",`, `"name": "Night Legs", "smallIconUri": "file://assets/images/small.png", "largeIconUri": "https://example.com/l.png",`), "file://assets/images/small.png"},
		{"plain http privacy policy", replace("https://example.com/night-legs/privacy", "http://example.com/privacy"), "https URL"},
		{"endpoint outside the trigger regions", func(b []byte) []byte {
			out, err := setEndpoint(b, validARN)
			if err != nil {
				t.Fatal(err)
			}
			return bytes.ReplaceAll(out, []byte(validARN), []byte("arn:aws:lambda:eu-central-1:123456789012:function:x"))
		}, "not a Lambda function ARN"},
		{"events without endpoint", func(b []byte) []byte {
			out, err := setEndpoint(b, validARN)
			if err != nil {
				t.Fatal(err)
			}
			// apis comes before events: the first endpoint is the custom one.
			return bytes.Replace(out, []byte(`"endpoint"`), []byte(`"endpointRemoved"`), 1)
		}, "events"},
	} {
		broken := c.breakIt(b)
		if bytes.Equal(broken, b) {
			t.Errorf("%s: did not change %s", c.name, skillJSON)
			continue
		}
		problems := checkManifest(broken, numbers)
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, c.want) }) {
			t.Errorf("%s: want a problem with %q, got %q", c.name, c.want, problems)
		}
	}
}

func checkManifest(b []byte, emergency map[string]string) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return []string{fmt.Sprintf("decode %s: %v", skillJSON, err)}
	}
	pub := m.Manifest.PublishingInformation
	if got := slices.Sorted(maps.Keys(pub.Locales)); !slices.Equal(got, skillLocales) {
		report("publishingInformation.locales: %v, want %v", got, skillLocales)
	}
	if got := slices.Sorted(maps.Keys(m.Manifest.PrivacyAndCompliance.Locales)); !slices.Equal(got, skillLocales) {
		report("privacyAndCompliance.locales: %v, want %v", got, skillLocales)
	}
	var wantCountries []string
	for _, l := range skillLocales {
		wantCountries = append(wantCountries, countries[l])
	}
	slices.Sort(wantCountries)
	if got := slices.Sorted(slices.Values(pub.DistributionCountries)); !slices.Equal(got, wantCountries) || pub.IsAvailableWorldwide {
		report("distributionCountries %v (worldwide %v), want exactly %v: the emergency numbers are only known there", got, pub.IsAvailableWorldwide, wantCountries)
	}
	if pub.Category != "HEALTH_AND_FITNESS" {
		report("category %q, want HEALTH_AND_FITNESS", pub.Category)
	}
	if pub.TestingInstructions == "" {
		report("testingInstructions are empty")
	}
	// Certification asks each of these; a missing one blocks submission.
	pc := m.Manifest.PrivacyAndCompliance
	for name, v := range map[string]*bool{"allowsPurchases": pc.AllowsPurchases, "isChildDirected": pc.IsChildDirected, "isExportCompliant": pc.IsExportCompliant, "containsAds": pc.ContainsAds} {
		if v == nil {
			report("privacyAndCompliance.%s is missing", name)
		}
	}
	if m.Manifest.ManifestVersion != "1.0" {
		report("manifestVersion %q", m.Manifest.ManifestVersion)
	}

	for locale, p := range pub.Locales {
		switch {
		case p.Name == "" || len(p.Name) > 50:
			report("%s: name %q: 1 to 50 characters", locale, p.Name)
		case p.Summary == "" || len(p.Summary) > 160:
			report("%s: summary: 1 to 160 characters", locale)
		case p.Description == "" || len(p.Description) > 4000:
			report("%s: description: 1 to 4000 characters", locale)
		}
		if !strings.Contains(p.Description, disclaimer) {
			report("%s: description lacks the disclaimer %q", locale, disclaimer)
		}
		if n := emergency[locale]; n == "" || !regexp.MustCompile(`\b`+regexp.QuoteMeta(n)+`\b`).MatchString(p.Description) {
			report("%s: description does not name the emergency number %s", locale, n)
		}
		if len(p.Keywords) > 30 {
			report("%s: more than 30 keywords", locale)
		}
		for _, problem := range checkExamples(locale, p.ExamplePhrases) {
			report("%s: %s", locale, problem)
		}
		for _, p := range checkIcons(p.SmallIconURI, p.LargeIconURI) {
			report("%s: %s", locale, p)
		}
		priv := m.Manifest.PrivacyAndCompliance.Locales[locale]
		for _, u := range []string{priv.PrivacyPolicyURL, priv.TermsOfUseURL} {
			if pu, err := url.Parse(u); err != nil || pu.Scheme != "https" || pu.Host == "" {
				report("%s: privacy policy and terms of use need an https URL, got %q", locale, u)
			}
		}
	}

	// The endpoint is absent until `make endpoint` writes the stack's
	// FunctionArn; then skill events (SkillDisabled, which makes the skill
	// forget a listener) go to the same function.
	custom := m.Manifest.APIs.Custom
	if custom != nil {
		var declared []string
		for _, in := range custom.Interfaces {
			switch {
			case !slices.Contains(customInterfaces, in.Type):
				report("apis.custom.interfaces: unknown type %q", in.Type)
			case slices.Contains(declared, in.Type):
				report("apis.custom.interfaces: %s twice", in.Type)
			}
			declared = append(declared, in.Type)
			if in.Type == alexa.ManifestInterfaceAPL && len(in.SupportedViewports) == 0 {
				report("apis.custom.interfaces: %s needs supportedViewports", in.Type)
			}
			for _, v := range in.SupportedViewports {
				if !slices.Contains(viewportModes, v.Mode) || !slices.Contains(viewportShapes, v.Shape) ||
					v.MinWidth <= 0 || v.MinWidth > v.MaxWidth || v.MinHeight <= 0 || v.MinHeight > v.MaxHeight {
					report("apis.custom.interfaces: %s viewport %+v: mode one of %v, shape one of %v, 0 < min <= max", in.Type, v, viewportModes, viewportShapes)
				}
			}
		}
		for _, want := range requiredInterfaces {
			if !slices.Contains(declared, want) {
				report("apis.custom.interfaces must declare %s: the skill sends its directives", want)
			}
		}
	}
	switch {
	case custom == nil:
		report("apis.custom is missing")
	case custom.Endpoint == nil:
		if m.Manifest.Events != nil {
			report("events are subscribed but apis.custom has no endpoint")
		}
	case !lambdaARN.MatchString(custom.Endpoint.URI):
		report("apis.custom.endpoint.uri %q is not a Lambda function ARN in a region with the Alexa Skills Kit trigger", custom.Endpoint.URI)
	case m.Manifest.Events == nil || m.Manifest.Events.Endpoint.URI != custom.Endpoint.URI:
		report("events.endpoint must be the custom endpoint %s", custom.Endpoint.URI)
	case !slices.ContainsFunc(m.Manifest.Events.Subscriptions, func(s struct {
		EventName string `json:"eventName"`
	}) bool {
		return s.EventName == "SKILL_DISABLED"
	}):
		report("events must subscribe to SKILL_DISABLED, so the skill forgets a listener who disables it")
	}
	slices.Sort(problems)
	return problems
}

// checkIcons checks a locale's store icons. Both are needed to publish
// and neither to develop (README, "Icons"): given, each is an https URL or
// a file:// path inside the skill package (as the ASK CLI uploads it), a
// PNG of 108 by 108 (small) or 512 by 512 (large) pixels.
func checkIcons(small, large string) []string {
	if small == "" && large == "" {
		return nil
	}
	var problems []string
	for _, icon := range []struct {
		name, uri string
		size      int
	}{{"smallIconUri", small, smallIcon}, {"largeIconUri", large, largeIcon}} {
		switch {
		case icon.uri == "":
			problems = append(problems, fmt.Sprintf("%s is missing: publishing needs both icons", icon.name))
		case strings.HasPrefix(icon.uri, "https://"):
		case strings.HasPrefix(icon.uri, "file://"):
			rel := strings.TrimPrefix(icon.uri, "file://")
			f, err := infra.SkillPackage().Open(rel)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s %q: %v", icon.name, icon.uri, err))
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			switch {
			case err != nil:
				problems = append(problems, fmt.Sprintf("%s %q is not a PNG: %v", icon.name, icon.uri, err))
			case cfg.Width != icon.size || cfg.Height != icon.size:
				problems = append(problems, fmt.Sprintf("%s %q is %dx%d, want %dx%d", icon.name, icon.uri, cfg.Width, cfg.Height, icon.size, icon.size))
			}
		default:
			problems = append(problems, fmt.Sprintf("%s %q: want an https URL or file://assets/... in the skill package", icon.name, icon.uri))
		}
	}
	return problems
}

// checkExamples checks a locale's example phrases: one to three, each
// "Alexa, " and a launch or one-shot phrase with the invocation name, and
// for a one-shot, a sample utterance of a custom intent of the locale's
// model (the certification rule), not the catch-all.
func checkExamples(locale string, phrases []string) []string {
	var problems []string
	if len(phrases) == 0 || len(phrases) > 3 {
		problems = append(problems, fmt.Sprintf("%d example phrases, want 1 to 3", len(phrases)))
	}
	m, err := infra.Model(locale)
	if err != nil {
		return append(problems, err.Error())
	}
	mt, err := nlu.New(m, nlu.Options{Locale: locale})
	if err != nil {
		return append(problems, err.Error())
	}
	for _, p := range phrases {
		if !strings.HasPrefix(p, "Alexa, ") {
			problems = append(problems, fmt.Sprintf("example phrase %q must start with \"Alexa, \"", p))
			continue
		}
		heard := mt.Hear(p)
		switch {
		case !heard.Invoked:
			problems = append(problems, fmt.Sprintf("example phrase %q does not name the skill", p))
		case heard.Launch:
		case heard.Intent == nil || heard.Intent.Name == nlu.FallbackIntent || heard.Intent.Name == "DescribeSymptomIntent":
			problems = append(problems, fmt.Sprintf("example phrase %q is not a sample utterance of the %s model", p, locale))
		}
	}
	return problems
}

// TestSkillEndpoint writes the stack's FunctionArn into skill.json when
// run with -stack-outputs (make endpoint). Without it, it checks that
// writing an endpoint gives a valid manifest and changes nothing else.
func TestSkillEndpoint(t *testing.T) {
	b, err := os.ReadFile(skillJSON)
	if err != nil {
		t.Fatal(err)
	}
	if *stackOutputs != "" {
		arn, err := functionARN(*stackOutputs)
		if err != nil {
			t.Fatal(err)
		}
		out, err := setEndpoint(b, arn)
		if err != nil {
			t.Fatal(err)
		}
		if problems := checkManifest(out, emergencyNumbers(t)); len(problems) > 0 {
			t.Fatalf("not writing %s: %q", skillJSON, problems)
		}
		if err := os.WriteFile(skillJSON, out, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: endpoint %s", skillJSON, arn)
		return
	}

	const arn = "arn:aws:lambda:us-east-1:123456789012:function:night-legs-NightLegsFunction-AbC123"
	out, err := setEndpoint(b, arn)
	if err != nil {
		t.Fatal(err)
	}
	if problems := checkManifest(out, emergencyNumbers(t)); len(problems) > 0 {
		t.Errorf("after writing an endpoint: %q", problems)
	}
	var m manifest
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	if m.Manifest.APIs.Custom.Endpoint == nil || m.Manifest.APIs.Custom.Endpoint.URI != arn {
		t.Errorf("endpoint not written")
	}
	again, err := setEndpoint(out, arn)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("writing the same endpoint twice changed the file (err %v)", err)
	}
	// Everything but the endpoint and events is as it was, in order (a
	// line that came last in its object may have gained a comma).
	before, after := lines(b), lines(out)
	for i := range after {
		after[i] = strings.TrimSuffix(after[i], ",")
	}
	for _, l := range before {
		if !slices.Contains(after, strings.TrimSuffix(l, ",")) && !strings.Contains(l, `"custom"`) {
			t.Errorf("line %q was lost", l)
		}
	}
	if _, err := setEndpoint(b, "arn:aws:lambda:eu-central-1:123456789012:function:x"); err == nil {
		t.Errorf("an ARN outside the Alexa trigger regions was accepted")
	}
}

func lines(b []byte) []string { return strings.Split(string(b), "\n") }

// functionARN reads the FunctionArn output from `sam list stack-outputs
// --output json`.
func functionARN(file string) (string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var outputs []struct {
		OutputKey   string
		OutputValue string
	}
	if err := json.Unmarshal(b, &outputs); err != nil {
		return "", fmt.Errorf("decode stack outputs %s: %w", file, err)
	}
	for _, o := range outputs {
		if o.OutputKey == "FunctionArn" {
			return o.OutputValue, nil
		}
	}
	return "", fmt.Errorf("%s has no FunctionArn output: is the stack deployed?", file)
}

// setEndpoint returns the manifest with arn as its custom endpoint and its
// skill events' endpoint (subscribed to SKILL_DISABLED), keeping every
// other key in its order.
func setEndpoint(doc []byte, arn string) ([]byte, error) {
	if !lambdaARN.MatchString(arn) {
		return nil, fmt.Errorf("%q is not a Lambda function ARN in us-east-1, us-west-2, eu-west-1 or ap-northeast-1, where the Alexa trigger exists", arn)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", skillJSON, err)
	}
	root, ok := v.(object)
	if !ok {
		return nil, errors.New("skill.json is not an object")
	}
	man, ok := root.get("manifest").(object)
	if !ok {
		return nil, errors.New("skill.json has no manifest")
	}
	apis, _ := man.get("apis").(object)
	custom, _ := apis.get("custom").(object)
	endpoint := object{{"uri", arn}}
	custom = custom.set("endpoint", endpoint)
	apis = apis.set("custom", custom)
	man = man.set("apis", apis)
	man = man.set("events", object{
		{"endpoint", endpoint},
		{"subscriptions", []any{object{{"eventName", "SKILL_DISABLED"}}}},
	})
	root = root.set("manifest", man)
	return encodeOrdered(root)
}

// canonical re-indents a JSON document the way encodeOrdered writes it.
func canonical(b []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return nil, err
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, out.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	ind.WriteByte('\n')
	return ind.Bytes(), nil
}

// object is a JSON object that keeps its keys in order, so a rewritten
// skill.json differs from the original only where it was changed.
type object []member

type member struct {
	key string
	val any
}

func (o object) get(key string) any {
	for _, m := range o {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

func (o object) set(key string, val any) object {
	for i, m := range o {
		if m.key == key {
			o[i].val = val
			return o
		}
	}
	return append(o, member{key, val})
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := object{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			o = append(o, member{k.(string), v})
		}
		_, err := dec.Token()
		return o, err
	case json.Delim('['):
		a := []any{}
		for dec.More() {
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token()
		return a, err
	}
	return tok, nil
}

func encodeOrdered(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeCompact(&buf, v); err != nil {
		return nil, err
	}
	return canonical(buf.Bytes())
}

func writeCompact(w io.Writer, v any) error {
	switch v := v.(type) {
	case object:
		io.WriteString(w, "{")
		for i, m := range v {
			if i > 0 {
				io.WriteString(w, ",")
			}
			if err := writeCompact(w, m.key); err != nil {
				return err
			}
			io.WriteString(w, ":")
			if err := writeCompact(w, m.val); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, "}")
		return err
	case []any:
		io.WriteString(w, "[")
		for i, e := range v {
			if i > 0 {
				io.WriteString(w, ",")
			}
			if err := writeCompact(w, e); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, "]")
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // "A&E" stays readable
	return enc.Encode(v)
}
