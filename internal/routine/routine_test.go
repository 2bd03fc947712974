package routine

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/golit"
)

func library(t *testing.T) *Library {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The issue names these; each must be a routine.
var required = []string{"calf-lying", "calf-standing", "hamstring", "hip-flexor", "figure-four", "knee-to-chest", "ankle-pumps", "before-bed"}

func TestRoutinesPresent(t *testing.T) {
	l := library(t)
	for _, id := range required {
		r, ok := l.Get(id)
		if !ok {
			t.Errorf("no routine %q", id)
			continue
		}
		if r.ID != id {
			t.Errorf("routine %q has ID %q", id, r.ID)
		}
	}
	bed, _ := l.Get("before-bed")
	if len(bed.Steps) < 3 {
		t.Errorf("before-bed strings %d steps together, want several", len(bed.Steps))
	}
}

// TestStepsSayTheirSide: a step for one side names it, so the listener
// knows which leg without looking.
func TestStepsSayTheirSide(t *testing.T) {
	l := library(t)
	for _, id := range l.IDs() {
		r, _ := l.Get(id)
		for i, s := range r.Steps {
			if s.Side != Both && !strings.Contains(strings.ToLower(s.Say), s.Side) {
				t.Errorf("%s step %d is for the %s side but does not say so: %q", id, i+1, s.Side, s.Say)
			}
		}
	}
}

// voices wrap speech as the skill pipeline does (internal/skill respond.go).
var voices = map[string]func(*alexa.SSML, func(*alexa.SSML)){
	"soft":    func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Prosody("90%", "soft", fn) },
	"normal":  func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Prosody("90%", "", fn) },
	"whisper": func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Whisper(fn) },
}

// longestQuestion stands for the question said after a step.
const longestQuestion = "That's the last stretch. Would you like to go through it again?"

// TestStepSpeech checks every step of every routine at every pace, in
// every voice, with the routine's intro before it (the longest a step's
// reply gets): well-formed SSML, no break over 10 s, under 8,000
// characters with nothing dropped, silence within MaxPause and the whole
// within MaxSpeech; and the hold's breaks add up to the hold.
func TestStepSpeech(t *testing.T) {
	l := library(t)
	for _, id := range l.IDs() {
		r, _ := l.Get(id)
		for i, s := range r.Steps {
			for _, p := range l.Paces() {
				for name, wrap := range voices {
					b := &alexa.SSML{}
					wrap(b, func(b *alexa.SSML) {
						b.Say(r.Intro)
						b.Pause(600 * time.Millisecond)
						l.Speak(b, s, p)
						b.Say(longestQuestion)
					})
					where := fmt.Sprintf("%s step %d pace %v %s", id, i+1, p, name)
					doc := b.String()
					breaks, err := check(doc)
					if err != nil {
						t.Errorf("%s: %v\n%s", where, err, doc)
						continue
					}
					if b.Truncated() || len(doc) >= alexa.MaxSSML {
						t.Errorf("%s: %d characters (truncated %v)", where, len(doc), b.Truncated())
					}
					var total time.Duration
					for _, d := range breaks {
						total += d
					}
					if want := 600*time.Millisecond + l.StepPause(s, p); total != want {
						t.Errorf("%s: breaks add up to %v, want %v", where, total, want)
					}
					if total > MaxPause {
						t.Errorf("%s: %v of silence, over %v", where, total, MaxPause)
					}
					if d := Talk(r.Intro) + l.StepTime(s, p) + Talk(longestQuestion); d > MaxSpeech {
						t.Errorf("%s: about %v to say, over %v", where, d, MaxSpeech)
					}
				}
			}
		}
	}
}

// check parses an SSML document and returns its break durations. It fails
// on malformed XML, a root other than one <speak>, or a break over
// alexa.MaxBreak or without a time.
func check(doc string) ([]time.Duration, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var breaks []time.Duration
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if el.Name.Local != "speak" {
					return nil, fmt.Errorf("root <%s>", el.Name.Local)
				}
			}
			depth++
			if el.Name.Local == "break" {
				var v string
				for _, a := range el.Attr {
					if a.Name.Local == "time" {
						v = a.Value
					}
				}
				dur, err := time.ParseDuration(v)
				if err != nil {
					return nil, fmt.Errorf("break time %q: %v", v, err)
				}
				if dur <= 0 || dur > alexa.MaxBreak {
					return nil, fmt.Errorf("break of %v; Alexa allows 0 to %v", dur, alexa.MaxBreak)
				}
				breaks = append(breaks, dur)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(el)) != "" {
				return nil, errors.New("text outside <speak>")
			}
		}
	}
	if roots != 1 {
		return nil, errors.New("not exactly one <speak>")
	}
	return breaks, nil
}

// TestCheckCatchesBadSSML keeps check honest.
func TestCheckCatchesBadSSML(t *testing.T) {
	for _, doc := range []string{
		`<speak>a & b</speak>`,
		`<speak><break time="11s"/></speak>`,
		`<speak><break time="10001ms"/></speak>`,
		`<speak><break/></speak>`,
		`<speak>a</speak><speak>b</speak>`,
		`<speak><prosody>a</speak>`,
	} {
		if _, err := check(doc); err == nil {
			t.Errorf("check(%q) = nil error", doc)
		}
	}
}

// TestCounting checks what a hold sounds like.
func TestCounting(t *testing.T) {
	l := library(t)
	tests := []struct {
		hold int
		pace float64
		want string
	}{
		{30, 1, "Stretch. Hold it there. ten... twenty... And release."},
		{30, 0.5, "Stretch. Hold it there. ten... And release."},                              // 15 s
		{30, 1.5, "Stretch. Hold it there. ten... twenty... thirty... forty... And release."}, // 45 s
		{20, 1, "Stretch. Hold it there. ten... And release."},
		{20, 0.5, "Stretch. Hold it there. And release."}, // 10 s
		{5, 0.5, "Stretch. Hold it there. And release."},  // min_hold
	}
	for _, tt := range tests {
		s := Step{Say: "Stretch.", Hold: tt.hold}
		b := &alexa.SSML{}
		l.Speak(b, s, tt.pace)
		got := strings.Join(strings.Fields(stripTags(b.Fragment())), " ")
		if got != tt.want {
			t.Errorf("hold %d at %v: %q, want %q", tt.hold, tt.pace, got, tt.want)
		}
		breaks, err := check(b.String())
		if err != nil {
			t.Fatal(err)
		}
		var total time.Duration
		for _, d := range breaks {
			total += d
		}
		if total != l.StepPause(s, tt.pace) {
			t.Errorf("hold %d at %v: %v of breaks, want %v", tt.hold, tt.pace, total, l.StepPause(s, tt.pace))
		}
	}
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
			b.WriteRune(' ')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestPaces(t *testing.T) {
	l := library(t)
	p, steps := 1.0, 0
	for {
		next, ok := l.Slower(p)
		if !ok {
			break
		}
		if next <= p {
			t.Fatalf("Slower(%v) = %v, want longer holds", p, next)
		}
		p, steps = next, steps+1
	}
	if steps == 0 {
		t.Error("slower never lengthened the holds")
	}
	p, steps = 1.0, 0
	for {
		next, ok := l.Faster(p)
		if !ok {
			break
		}
		if next >= p {
			t.Fatalf("Faster(%v) = %v, want shorter holds", p, next)
		}
		p, steps = next, steps+1
	}
	if steps == 0 {
		t.Error("faster never shortened the holds")
	}
	if l.Pace(0) != 1 || l.Pace(7) != 1 {
		t.Error("unset or unknown pace is not the normal pace")
	}
	s := Step{Hold: 30}
	if l.Hold(s, 0) != 30*time.Second {
		t.Errorf("hold at unset pace %v, want 30s", l.Hold(s, 0))
	}
}

func TestCard(t *testing.T) {
	l := library(t)
	r, _ := l.Get("calf-lying")
	c := l.Card(r, []int{0, 1}, 1, "soon")
	if c.Type != alexa.CardStandard || !strings.Contains(c.Title, r.Title) {
		t.Errorf("card %q titled %q", c.Type, c.Title)
	}
	for _, want := range []string{"- Left calf\n", "- Right calf\n", r.Advice, "next few days"} {
		if !strings.Contains(c.Text, want) {
			t.Errorf("card text lacks %q:\n%s", want, c.Text)
		}
	}
	if strings.Contains(c.Text, "again") {
		t.Errorf("card lists steps not done:\n%s", c.Text)
	}
	none := l.Card(r, nil, 1.5, "")
	if !strings.Contains(none.Text, "No stretches") || !strings.Contains(none.Text, r.Advice) {
		t.Errorf("card with nothing done:\n%s", none.Text)
	}
	if n := len(c.Title) + len(c.Text); n > 8000 {
		t.Errorf("card is %d characters; Alexa allows 8000", n)
	}
}

func TestScreen(t *testing.T) {
	l := library(t)
	r, _ := l.Get("calf-lying")
	d := l.Screen(r, 1, 1.5, 5*time.Second)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Type     string `json:"type"`
		Token    string `json:"token"`
		Document struct {
			Type    string `json:"type"`
			Version string `json:"version"`
		} `json:"document"`
		Datasources map[string]StepData `json:"datasources"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Type != alexa.DirectiveRenderDocument || got.Token == "" {
		t.Errorf("directive type %q token %q", got.Type, got.Token)
	}
	if got.Document.Type != "APL" || got.Document.Version != APLVersion {
		t.Errorf("document type %q version %q", got.Document.Type, got.Document.Version)
	}
	s := got.Datasources["step"]
	if s.Position != "Step 2 of 4" || s.Label != "Right calf" || s.Hold != 45 {
		t.Errorf("step data %+v", s)
	}
	if min := int64(5000 + 45000); s.HoldEndsMs <= min {
		t.Errorf("hold ends at %dms, want after the lead-in and the hold (> %d)", s.HoldEndsMs, min)
	}
}

// TestLoadRejects: each broken variant of a minimal valid file fails.
func TestLoadRejects(t *testing.T) {
	const valid = `
counting: {every: 10, settle: 3, begin: "Hold.", end: "Release.", counts: ["ten...", "twenty..."]}
paces: [0.5, 1, 1.5]
min_hold: 5
numbers: [one, two]
phrases: {resume: "r", where: "w", paused: "p"}
screen: {position: "Step {n} of {total}"}
card: {title: "t", done: "d", step: "s", none: "n", advice: "a"}
sources: ["s"]
routines:
  calf:
    name: "the calf stretch"
    title: "Calf"
    intro: "Gently."
    outro: "Done."
    advice: "See a doctor if it swells."
    sources: ["refs"]
    steps:
      - {say: "Left foot.", label: "Left", hold: 20, side: left, sources: ["refs"]}
`
	apl, err := os.ReadFile("data/apl.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parse([]byte(valid), apl, golit.Decode); err != nil {
		t.Fatalf("valid file rejected: %v", err)
	}
	bad := map[string][2]string{
		"side":          {"side: left", "side: middle"},
		"step source":   {`hold: 20, side: left, sources: ["refs"]`, `hold: 20, side: left, sources: []`},
		"routine src":   {`sources: ["refs"]` + "\n    steps", "sources: []\n    steps"},
		"short hold":    {"hold: 20", "hold: 2"},
		"too few count": {"hold: 20", "hold: 30"},
		"long":          {`say: "Left foot."`, `say: "` + strings.Repeat("left ", 41) + `"`},
		"no normal":     {"paces: [0.5, 1, 1.5]", "paces: [0.5, 1.5]"},
		"unsorted":      {"paces: [0.5, 1, 1.5]", "paces: [1, 0.5, 1.5]"},
		"no label":      {`label: "Left", `, ""},
		"no phrase":     {`paused: "p"`, `pausd: "p"`},
		"unknown field": {"min_hold: 5", "min_hold: 5\nextra: 1"},
		"no intro":      {`intro: "Gently."`, `intro: ""`},
		"no advice":     {`advice: "See a doctor if it swells."`, `advice: ""`},
	}
	for name, sub := range bad {
		if !strings.Contains(valid, sub[0]) {
			t.Fatalf("%s: %q not in the valid file", name, sub[0])
		}
		if _, err := parse([]byte(strings.Replace(valid, sub[0], sub[1], 1)), apl, golit.Decode); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for name, doc := range map[string]string{
		"json":    `{`,
		"type":    `{"type": "APLA", "version": "2023.3", "mainTemplate": {"parameters": ["step"], "items": [{}]}}`,
		"version": `{"type": "APL", "version": "1.1", "mainTemplate": {"parameters": ["step"], "items": [{}]}}`,
		"param":   `{"type": "APL", "version": "2023.3", "mainTemplate": {"parameters": ["payload"], "items": [{}]}}`,
		"items":   `{"type": "APL", "version": "2023.3", "mainTemplate": {"parameters": ["step"]}}`,
	} {
		if _, err := parse([]byte(valid), []byte(doc), golit.Decode); err == nil {
			t.Errorf("screen document %s: accepted", name)
		}
	}
	if _, err := load(fstest.MapFS{}, golit.Decode); err == nil {
		t.Error("Load of an empty file system succeeded")
	}
}
