package transcript

import (
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// toySkill is a small skill on the real pipeline and interaction model, so
// the runner's checks can be shown to pass and to fail.
func toySkill(ended *int) NewSkill {
	return func(clock func() time.Time) *skill.Skill {
		r := router.New(router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
			return router.Ask("Where does it hurt?", "Sorry, I didn't catch that."), nil
		}))
		r.Request(alexa.TypeLaunch, router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
			return router.Ask("What are your legs doing?", "Night Legs here."), nil
		}))
		r.Request(alexa.TypeSessionEnded, router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
			*ended++
			return router.Reply{End: true}, nil
		}))
		r.IntentFunc("CrampIntent", func(t *router.Turn) (router.Reply, error) {
			t.State.Topic = "cramp"
			return router.Ask("Is it easing?", "Pull your toes up toward your shin & hold.", "Breathe slowly."), nil
		})
		r.IntentFunc("AMAZON.YesIntent", func(t *router.Turn) (router.Reply, error) {
			rep := router.Say("Good. Rest easy.")
			rep.End = true
			rep.Card = &alexa.Card{Type: alexa.CardSimple, Title: "Calf stretch", Content: "Stand and lean on a wall."}
			return rep, nil
		})
		r.IntentFunc("AMAZON.NoIntent", func(t *router.Turn) (router.Reply, error) {
			t.State.Level = "urgent"
			rep := router.Say("See a doctor today.")
			rep.End = true
			return rep, nil
		})
		r.IntentFunc("AMAZON.HelpIntent", func(t *router.Turn) (router.Reply, error) {
			rep := router.Ask("Anything else?", "It is "+t.Now.Format("15:04")+".")
			if t.HasScreen() {
				// Sent to any screen, whatever its APL runtime: the
				// conformance check must catch an old one.
				rep.Directives = []any{map[string]any{"type": alexa.DirectiveRenderDocument, "token": "help",
					"document": map[string]any{"type": "APL", "version": "1.4", "mainTemplate": map[string]any{"items": []any{}}}}}
			}
			return rep, nil
		})
		return &skill.Skill{Router: r, Now: clock, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	}
}

func parse(t *testing.T, text string) *Script {
	t.Helper()
	s, err := Parse("t.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const passing = `# A transcript that holds for the toy skill.
> my calf is cramping
< pull your toes up
< & hold
< is it easing?
<! quinine
= open
! triage none
&! card
&! apl
> yes
<   good.   rest easy
= end
& card calf stretch
& card
> open night legs
< night legs here
= open
@wait 90m
> help
< it is 04:40
@close
> I have a cramp in my foot
< pull your toes up
> no
< see a doctor today
! triage urgent
= end
`

func TestPlayPasses(t *testing.T) {
	ended := 0
	if f := Play(parse(t, passing), toySkill(&ended)); len(f) != 0 {
		t.Errorf("failures:\n%s", strings.Join(f, "\n"))
	}
	if ended != 1 {
		t.Errorf("%d SessionEndedRequests, want 1 (from @close)", ended)
	}
}

func TestScreen(t *testing.T) {
	ended := 0
	s := parse(t, "@screen\n> help\n& apl\n")
	if f := Play(s, toySkill(&ended)); len(f) != 0 {
		t.Errorf("failures:\n%s", strings.Join(f, "\n"))
	}
	s = parse(t, "> help\n& apl\n")
	if f := Play(s, toySkill(&ended)); len(f) != 1 {
		t.Errorf("no screen: got %d failures, want 1", len(f))
	}
}

// TestPlayFails shows each check failing, and the failure showing the
// whole turn.
func TestPlayFails(t *testing.T) {
	tests := []struct {
		name, script string
		want         []string // in the single failure message
	}{
		{"not heard", "> my calf is cramping\n< rub it hard\n",
			[]string{"t.txt:1", "line 2: < rub it hard: not heard", "> my calf is cramping", `heard:   "Pull your toes up toward your shin & hold.`, "CrampIntent", `bodyPart="calf"→calf`}},
		{"out of order", "> my calf is cramping\n< is it easing\n< pull your toes\n",
			[]string{"heard, but before what the previous < matched"}},
		{"heard what must not be", "> my calf is cramping\n<! BREATHE\n", []string{"<! BREATHE: heard"}},
		{"session", "> my calf is cramping\n= end\n", []string{"= end: the session is open"}},
		{"triage", "> my calf is cramping\n> no\n! triage emergency\n", []string{"triage is urgent"}},
		{"triage none", "> my calf is cramping\n> no\n! triage none\n", []string{"triage is urgent"}},
		{"card missing", "> my calf is cramping\n& card\n", []string{"no card"}},
		{"card text", "> my calf is cramping\n> yes\n& card hamstring\n", []string{"not in the card", "card: Calf stretch"}},
		{"card present", "> my calf is cramping\n> yes\n&! card\n", []string{"there is a card"}},
		{"apl", "@screen\n> help\n&! apl\n", []string{"an APL RenderDocument directive is sent"}},
		{"apl too new for the screen", "@screen 1.3\n> help\n& apl\n", []string{`APL document version "1.4" is newer than the device's maxVersion "1.3"`}},
		{"fallback", "> purple elephants\n< pull your toes\n", []string{`DescribeSymptomIntent text="purple elephants"`}},
		{"clock", "@wait 1h\n> help\n< it is 03:10\n", []string{`"It is 04:10. Anything else?"`}},
		{"new session after end", "> my calf is cramping\n> yes\n> yes\n= open\n", []string{"IntentRequest (new session) YesIntent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ended := 0
			f := Play(parse(t, tt.script), toySkill(&ended))
			if len(f) != 1 {
				t.Fatalf("%d failures, want 1:\n%s", len(f), strings.Join(f, "\n"))
			}
			for _, w := range tt.want {
				if !strings.Contains(f[0], w) {
					t.Errorf("failure does not say %q:\n%s", w, f[0])
				}
			}
		})
	}
}

// TestInvalidSSML: a response Alexa would refuse fails the turn even when
// every check holds.
func TestInvalidSSML(t *testing.T) {
	long := strings.Repeat("word ", 2000)
	newSkill := func(clock func() time.Time) *skill.Skill {
		r := router.New(router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
			s := &alexa.SSML{}
			s.Say(long)
			return router.Reply{Speech: s, End: true}, nil
		}))
		return &skill.Skill{Router: r, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	}
	f := Play(parse(t, "> hello\n"), newSkill)
	if len(f) != 0 {
		// The SSML builder keeps speech under the limit by construction.
		t.Errorf("the builder's output was refused:\n%s", strings.Join(f, "\n"))
	}
	raw, err := json.Marshal(&alexa.ResponseEnvelope{Version: "1.0", Response: alexa.Response{OutputSpeech: &alexa.OutputSpeech{Type: alexa.SpeechSSML, SSML: "<speak>" + long + long + "</speak>"}}})
	if err != nil {
		t.Fatal(err)
	}
	x := &device.Exchange{Request: &alexa.RequestEnvelope{Request: alexa.Request{Type: alexa.TypeIntent}}, Raw: raw}
	if got := invalid(x); len(got) != 1 || !strings.Contains(got[0], "at most 8000") {
		t.Errorf("20000-character SSML: invalid = %q, want one complaint", got)
	}
}

func TestParse(t *testing.T) {
	s := parse(t, "# c\n@locale en-GB\n@screen\n\n>\n< hi\n@wait 2h\n@close\n> yes\n= end\n! triage none\n&! card\n& card x y\n& apl\n&! apl\n<! no\n")
	if s.Locale != "en-GB" || !s.Screen || len(s.Steps) != 4 {
		t.Fatalf("parsed %+v", s)
	}
	if s.Steps[0].Said != "" || s.Steps[1].Wait != 2*time.Hour || s.Steps[2].Kind != StepClose {
		t.Errorf("steps %+v", s.Steps)
	}
	var got []string
	for _, c := range s.Steps[3].Checks {
		got = append(got, c.String())
	}
	want := "= end|! triage none|&! card|& card x y|& apl|&! apl|<! no"
	if strings.Join(got, "|") != want {
		t.Errorf("checks %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, script, want string }{
		{"unknown directive", "> hi\n? what\n", "t.txt:2: unknown directive"},
		{"unknown at", "> hi\n@pause\n", "unknown directive"},
		{"unknown &", "> hi\n& picture\n", "unknown directive"},
		{"check before a line", "< hi\n> hi\n", "must follow"},
		{"check after close", "> hi\n@close\n< hi\n", "must follow"},
		{"bad session", "> hi\n= maybe\n", "open or end"},
		{"bad triage", "> hi\n! level urgent\n", "! triage"},
		{"triage without level", "> hi\n! triage\n", "! triage"},
		{"empty hear", "> hi\n<\n", "needs text"},
		{"apl with text", "> hi\n& apl doc\n", "takes nothing"},
		{"no card with text", "> hi\n&! card x\n", "takes nothing"},
		{"bad wait", "> hi\n@wait soon\n", "duration"},
		{"negative wait", "> hi\n@wait -1h\n", "duration"},
		{"late locale", "> hi\n@locale en-GB\n", "header"},
		{"late screen", "> hi\n@screen\n", "header"},
		{"close with text", "> hi\n@close now\n", "takes nothing"},
		{"nothing said", "# only a comment\n", "nothing is said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.txt", strings.NewReader(tt.script))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	if _, err := Files(t.TempDir()); err == nil {
		t.Error("an empty directory has transcripts")
	}
	files, err := Files("testdata")
	if err != nil || len(files) != 1 {
		t.Errorf("Files(testdata) = %q, %v", files, err)
	}
}

func TestRunDir(t *testing.T) {
	RunDir(t, "testdata", toySkill(new(int)))
}
