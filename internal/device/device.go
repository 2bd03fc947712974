// Package device simulates an Alexa device talking to Night Legs: it turns a
// line of text into the request JSON a device would send, keeps the session
// (its ID and the attributes the skill returned) across lines until the
// skill ends it, and ends a session left open the way Alexa does.
//
// The console and the transcript tests both use it, so what they exercise is
// the skill's real JSON interface, not a shortcut into its handlers.
package device

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/nlu"
)

// Identities the device uses when none is configured.
const (
	LocalSkillID  = "amzn1.ask.skill.night-legs-local"
	LocalUserID   = "amzn1.ask.account.LOCAL"
	LocalDeviceID = "amzn1.ask.device.LOCAL"
)

// DefaultAPLVersion is the APL runtime a simulated screen runs unless
// told otherwise: a current Echo Show's.
const DefaultAPLVersion = "2024.3"

// Endpoint answers Alexa request JSON with response JSON, as the skill does
// on Lambda.
type Endpoint interface {
	HandleJSON(ctx context.Context, body []byte) ([]byte, error)
}

// Config describes the device and who uses it. Zero values take defaults.
type Config struct {
	Locale   string // default en-US
	SkillID  string // the application ID sent; default LocalSkillID
	UserID   string // default LocalUserID
	DeviceID string // default LocalDeviceID
	// Screen makes the device list Alexa.Presentation.APL, as an Echo Show
	// does. It also keeps a session open when a response leaves
	// shouldEndSession out, as devices with a screen do.
	Screen bool
	// APLVersion is the screen's APL runtime.maxVersion; default
	// DefaultAPLVersion. An older one tries what a first Echo Show sees.
	APLVersion string
	// Model is the interaction model; default the skill package's model for
	// Locale.
	Model *infra.LanguageModel
	// Now is the clock for request timestamps; default time.Now.
	Now func() time.Time
	// NewID returns a fresh unique ID for requests and sessions; default
	// random. Tests pass a counter so requests are reproducible.
	NewID func() string
}

// Device is one simulated device. It is not safe for concurrent use: a
// device hears one person at a time.
type Device struct {
	cfg     Config
	match   *nlu.Matcher
	skill   Endpoint
	session *alexa.Session // nil when no session is open
}

// Exchange is one request and the skill's answer.
type Exchange struct {
	Request *alexa.RequestEnvelope
	// Response is nil when the skill answered with an error.
	Response *alexa.ResponseEnvelope
	// Raw is the response JSON exactly as the skill returned it.
	Raw []byte
	// Open reports whether the session is still open after the response.
	Open bool
}

// New returns a device that sends its requests to skill.
func New(skill Endpoint, cfg Config) (*Device, error) {
	if cfg.Locale == "" {
		cfg.Locale = "en-US"
	}
	if cfg.SkillID == "" {
		cfg.SkillID = LocalSkillID
	}
	if cfg.UserID == "" {
		cfg.UserID = LocalUserID
	}
	if cfg.DeviceID == "" {
		cfg.DeviceID = LocalDeviceID
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.NewID == nil {
		cfg.NewID = randomID
	}
	if cfg.Model != nil {
		mt, err := nlu.New(cfg.Model, nlu.Options{Locale: cfg.Locale, SkillID: cfg.SkillID})
		if err != nil {
			return nil, fmt.Errorf("compile interaction model %s: %w", cfg.Locale, err)
		}
		return &Device{cfg: cfg, match: mt, skill: skill}, nil
	}
	mt, err := packageMatcher(cfg.Locale, cfg.SkillID)
	if err != nil {
		return nil, err
	}
	return &Device{cfg: cfg, match: mt, skill: skill}, nil
}

// packaged holds the compiled skill-package models, by locale and skill ID.
// The skill package is embedded and never changes while the program runs,
// and compiling a model takes most of the time a one-line session costs
// (tens of milliseconds); a Matcher is safe for concurrent use, so every
// device shares one.
var packaged sync.Map // matcherKey → *nlu.Matcher

type matcherKey struct{ locale, skillID string }

func packageMatcher(locale, skillID string) (*nlu.Matcher, error) {
	key := matcherKey{locale, skillID}
	if mt, ok := packaged.Load(key); ok {
		return mt.(*nlu.Matcher), nil
	}
	m, err := infra.Model(locale)
	if err != nil {
		return nil, fmt.Errorf("device for %s: %w", locale, err)
	}
	mt, err := nlu.New(m, nlu.Options{Locale: locale, SkillID: skillID})
	if err != nil {
		return nil, fmt.Errorf("compile interaction model %s: %w", locale, err)
	}
	got, _ := packaged.LoadOrStore(key, mt)
	return got.(*nlu.Matcher), nil
}

// Open reports whether a session is open: the next line continues it.
func (d *Device) Open() bool { return d.session != nil }

// Say sends what the listener said. The first line of a session arrives as
// a one-shot request in a new session ("Alexa, ask night legs, ..."); "open
// night legs" or an empty line is a LaunchRequest, and, like any line that
// names the skill, starts a new session, ending one that is open. The error
// is the skill's: the device then ends the session, as Alexa does after an
// invalid response.
func (d *Device) Say(ctx context.Context, text string) (*Exchange, error) {
	heard := d.match.Hear(text)
	if d.session != nil && (heard.Launch || heard.Invoked) {
		if _, err := d.end(ctx, alexa.ReasonUserInitiated); err != nil {
			return nil, err
		}
	}
	if d.session == nil {
		d.session = &alexa.Session{
			New:         true,
			SessionID:   "amzn1.echo-api.session." + d.cfg.NewID(),
			Application: alexa.Application{ApplicationID: d.cfg.SkillID},
			User:        alexa.User{UserID: d.cfg.UserID},
		}
	}
	env := d.envelope(alexa.TypeLaunch)
	if !heard.Launch {
		env.Request.Type = alexa.TypeIntent
		env.Request.Intent = heard.Intent
	}
	return d.send(ctx, env)
}

// Send sends an intent as a device's own NLU chose it, in the open session
// or a new one: for tools that route speech another way than the matcher
// (a statistical classifier) and want the rest of the conversation as the
// device carries it.
func (d *Device) Send(ctx context.Context, in *alexa.Intent) (*Exchange, error) {
	if d.session == nil {
		d.session = &alexa.Session{
			New:         true,
			SessionID:   "amzn1.echo-api.session." + d.cfg.NewID(),
			Application: alexa.Application{ApplicationID: d.cfg.SkillID},
			User:        alexa.User{UserID: d.cfg.UserID},
		}
	}
	env := d.envelope(alexa.TypeIntent)
	env.Request.Intent = in
	return d.send(ctx, env)
}

// Close ends a session left open, as Alexa does when the listener does not
// answer the reprompt: a SessionEndedRequest with reason
// EXCEEDED_MAX_REPROMPTS. It returns nil when no session is open.
func (d *Device) Close(ctx context.Context) (*Exchange, error) {
	return d.end(ctx, alexa.ReasonExceededMaxReprompts)
}

func (d *Device) end(ctx context.Context, reason string) (*Exchange, error) {
	if d.session == nil {
		return nil, nil
	}
	env := d.envelope(alexa.TypeSessionEnded)
	env.Request.Reason = reason
	x, err := d.send(ctx, env)
	// Whatever the skill answers, the session is over.
	d.session = nil
	if x != nil {
		x.Open = false
	}
	return x, err
}

// envelope is a request of the given type in the current session.
func (d *Device) envelope(typ string) *alexa.RequestEnvelope {
	sess := *d.session
	env := &alexa.RequestEnvelope{
		Version: "1.0",
		Session: &sess,
		Context: alexa.Context{System: alexa.System{
			Application: alexa.Application{ApplicationID: d.cfg.SkillID},
			User:        alexa.User{UserID: d.cfg.UserID},
			Device:      alexa.Device{DeviceID: d.cfg.DeviceID, SupportedInterfaces: map[string]json.RawMessage{}},
			APIEndpoint: apiEndpoint(d.cfg.Locale),
		}},
		Request: alexa.Request{
			Type:      typ,
			RequestID: "amzn1.echo-api.request." + d.cfg.NewID(),
			Timestamp: d.cfg.Now().UTC().Format("2006-01-02T15:04:05Z"),
			Locale:    d.cfg.Locale,
		},
	}
	if d.cfg.Screen {
		v := d.cfg.APLVersion
		if v == "" {
			v = DefaultAPLVersion
		}
		apl, err := json.Marshal(map[string]any{"runtime": map[string]string{"maxVersion": v}})
		if err != nil {
			panic(err) // a map of strings always encodes
		}
		env.Context.System.Device.SupportedInterfaces[alexa.InterfaceAPL] = apl
	}
	return env
}

// send posts the request as JSON and reads the answer as Alexa would,
// carrying the session attributes to the next request of the session.
func (d *Device) send(ctx context.Context, env *alexa.RequestEnvelope) (*Exchange, error) {
	x := &Exchange{Request: env}
	body, err := json.Marshal(env)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	x.Raw, err = d.skill.HandleJSON(ctx, body)
	if err != nil {
		d.session = nil
		return x, fmt.Errorf("skill: %w", err)
	}
	var resp alexa.ResponseEnvelope
	if err := json.Unmarshal(x.Raw, &resp); err != nil {
		d.session = nil
		return x, fmt.Errorf("decode response: %w", err)
	}
	x.Response = &resp
	end := resp.Response.ShouldEndSession
	x.Open = (end != nil && !*end) || (end == nil && d.cfg.Screen)
	if env.Request.Type == alexa.TypeSessionEnded || !x.Open {
		d.session = nil
		x.Open = false
		return x, nil
	}
	d.session.New = false
	d.session.Attributes = resp.SessionAttributes
	return x, nil
}

var tags = regexp.MustCompile(`<[^>]*>`)

// Spoken is what a device says for output speech: the words of SSML without
// its tags and entities, whitespace folded.
func Spoken(o *alexa.OutputSpeech) string {
	if o == nil {
		return ""
	}
	text := o.Text
	if o.Type == alexa.SpeechSSML {
		// A pause or paragraph separates words; an inline element such
		// as say-as does not ("call 111, or" stays as it is written).
		text = html.UnescapeString(tags.ReplaceAllStringFunc(o.SSML, func(tag string) string {
			if strings.HasPrefix(tag, "<break") || strings.HasPrefix(tag, "<p") || strings.HasPrefix(tag, "</p") ||
				strings.HasPrefix(tag, "<s>") || strings.HasPrefix(tag, "</s>") || strings.HasPrefix(tag, "</speak") {
				return " "
			}
			return ""
		}))
	}
	return strings.Join(strings.Fields(text), " ")
}

// apiEndpoint is the Alexa API region a locale's requests name.
func apiEndpoint(locale string) string {
	switch {
	case strings.HasPrefix(locale, "en-US"), strings.HasPrefix(locale, "en-CA"),
		strings.HasPrefix(locale, "fr-CA"), strings.HasPrefix(locale, "es-US"),
		strings.HasPrefix(locale, "es-MX"), strings.HasPrefix(locale, "pt-BR"):
		return "https://api.amazonalexa.com"
	case strings.HasPrefix(locale, "ja"), strings.HasPrefix(locale, "en-AU"),
		strings.HasPrefix(locale, "en-NZ"):
		return "https://api.fe.amazonalexa.com"
	}
	return "https://api.eu.amazonalexa.com"
}

// randomID returns a random UUID-shaped ID, as Alexa's IDs end with.
func randomID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
