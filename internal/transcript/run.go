package transcript

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/alexa/conform"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// Start is the transcripts' fixed clock: a winter night, ten past three.
var Start = time.Date(2026, time.January, 15, 3, 10, 0, 0, time.UTC)

// NewSkill builds the skill a transcript talks to, on the transcript's
// clock, with a fresh store: each transcript starts with a listener the
// skill has never met.
type NewSkill func(clock func() time.Time) *skill.Skill

// RunDir runs every *.txt transcript in dir as a subtest of t. It fails when
// dir has none, so a moved directory cannot pass silently.
func RunDir(t *testing.T, dir string, newSkill NewSkill) {
	t.Helper()
	files, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			s, err := ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			Run(t, s, newSkill)
		})
	}
}

// Files lists the transcripts in dir, sorted; none is an error.
func Files(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no transcripts (*.txt) in %s", dir)
	}
	sort.Strings(files)
	return files, nil
}

// Run plays one transcript and reports each turn that went wrong, with
// what was said and everything the skill answered.
func Run(t testing.TB, s *Script, newSkill NewSkill) {
	t.Helper()
	for _, f := range Play(s, newSkill) {
		t.Error(f)
	}
}

// Play runs a transcript and returns its failures, one per turn that went
// wrong, each showing the whole turn.
func Play(s *Script, newSkill NewSkill) []string {
	failures, _ := play(s, newSkill)
	return failures
}

// Answers runs a transcript and returns what was heard on each turn the
// listener spoke, in order, SSML tags stripped; a turn the skill failed
// is "".
func Answers(s *Script, newSkill NewSkill) []string {
	_, heard := play(s, newSkill)
	return heard
}

func play(s *Script, newSkill NewSkill) (failures, answers []string) {
	now := Start
	clock := func() time.Time { return now }
	sk := newSkill(clock)
	ids := 0
	d, err := device.New(sk, device.Config{
		Locale:     s.Locale,
		SkillID:    sk.SkillID,
		Screen:     s.Screen,
		APLVersion: s.APLVersion,
		Now:        clock,
		NewID:      func() string { ids++; return fmt.Sprintf("%s-%04d", s.Name, ids) },
	})
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", s.Name, err)}, nil
	}
	ctx := context.Background()
	for _, st := range s.Steps {
		switch st.Kind {
		case StepWait:
			now = now.Add(st.Wait)
		case StepClose:
			x, err := d.Close(ctx)
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s:%d: @close: %v", s.Name, st.Line, err))
			} else if x != nil {
				for _, p := range invalid(x) {
					failures = append(failures, fmt.Sprintf("%s:%d: @close: %s", s.Name, st.Line, p))
				}
			}
		case StepSay:
			x, err := d.Say(ctx, st.Said)
			if msg := verify(st, x, err); msg != "" {
				failures = append(failures, fmt.Sprintf("%s:%d: %s", s.Name, st.Line, msg))
			}
			heard := ""
			if err == nil && x != nil && x.Response != nil {
				heard = device.Spoken(x.Response.Response.OutputSpeech)
			}
			answers = append(answers, heard)
		}
	}
	return failures, answers
}

// verify checks one turn and, if anything is wrong, describes the whole
// turn and what was wrong with it.
func verify(st Step, x *device.Exchange, err error) string {
	var wrong []string
	var h heard
	if err != nil {
		wrong = append(wrong, "the skill failed: "+err.Error())
	} else {
		h = hear(x)
		wrong = append(wrong, h.invalid...)
		at := 0
		lower := strings.ToLower(h.speech)
		for _, c := range st.Checks {
			if msg := h.check(c, lower, &at); msg != "" {
				wrong = append(wrong, fmt.Sprintf("line %d: %s: %s", c.Line, c, msg))
			}
		}
	}
	if len(wrong) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "turn went wrong\n  said:    > %s\n", st.Said)
	if x != nil {
		fmt.Fprintf(&b, "  sent:    %s\n", describeRequest(x.Request))
	}
	if err == nil {
		fmt.Fprintf(&b, "  heard:   %q\n", h.speech)
		fmt.Fprintf(&b, "  session: %s   triage: %s   card: %s   apl: %v\n", h.session, h.triage, orDash(h.card), h.apl)
	}
	for _, w := range wrong {
		fmt.Fprintf(&b, "  FAILED   %s\n", w)
	}
	return b.String()
}

// heard is a response as a listener and a reviewer take it.
type heard struct {
	speech  string // what is said, SSML tags stripped, whitespace folded
	session string // open or end
	triage  string // sessionAttributes.triage, or none
	card    string
	hasCard bool
	apl     bool
	invalid []string // what Alexa would reject
}

func hear(x *device.Exchange) heard {
	r := x.Response
	h := heard{speech: device.Spoken(r.Response.OutputSpeech), session: "end", triage: "none"}
	if x.Open {
		h.session = "open"
	}
	if v, ok := r.SessionAttributes[skill.AttrTriage]; ok {
		h.triage = fmt.Sprint(v)
	}
	if c := r.Response.Card; c != nil {
		h.hasCard = true
		h.card = strings.Join(strings.Fields(strings.Join([]string{c.Title, c.Content, c.Text}, " ")), " ")
	}
	for _, d := range r.Response.Directives {
		if m, ok := d.(map[string]any); ok && m["type"] == alexa.DirectiveRenderDocument {
			h.apl = true
		}
	}
	h.invalid = invalid(x)
	return h
}

// declared is the interfaces skill.json declares, read once.
var declared = sync.OnceValues(infra.Interfaces)

// invalid lists what Alexa would refuse or mishandle in a response, by the
// published rules (package conform) and the interfaces skill.json
// declares.
func invalid(x *device.Exchange) []string {
	ifaces, err := declared()
	if err != nil {
		return []string{err.Error()}
	}
	return conform.Response(x.Request, x.Raw, ifaces)
}

// check applies one check; at is where the next "<" must be found, so
// several are heard in order.
func (h heard) check(c Check, lower string, at *int) string {
	switch c.Kind {
	case CheckHear:
		want := strings.ToLower(strings.Join(strings.Fields(c.Arg), " "))
		i := strings.Index(lower[*at:], want)
		if i < 0 {
			if strings.Contains(lower, want) {
				return "heard, but before what the previous < matched"
			}
			return "not heard"
		}
		*at += i + len(want)
	case CheckNotHear:
		if strings.Contains(lower, strings.ToLower(strings.Join(strings.Fields(c.Arg), " "))) {
			return "heard"
		}
	case CheckSession:
		if h.session != c.Arg {
			return "the session is " + h.session
		}
	case CheckTriage:
		if h.triage != c.Arg {
			return "triage is " + h.triage
		}
	case CheckCard:
		switch {
		case !h.hasCard:
			return "no card"
		case !strings.Contains(strings.ToLower(h.card), strings.ToLower(c.Arg)):
			return "not in the card"
		}
	case CheckNoCard:
		if h.hasCard {
			return "there is a card"
		}
	case CheckAPL:
		if !h.apl {
			return "no APL RenderDocument directive"
		}
	case CheckNoAPL:
		if h.apl {
			return "an APL RenderDocument directive is sent"
		}
	default:
		return "unknown check"
	}
	return ""
}

// describeRequest shows what the device made of the line: the request type,
// intent and filled slots.
func describeRequest(env *alexa.RequestEnvelope) string {
	r := env.Request
	s := r.Type
	if env.Session != nil && env.Session.New {
		s += " (new session)"
	}
	if r.Intent == nil {
		return s
	}
	s += " " + r.Intent.Name
	names := make([]string, 0, len(r.Intent.Slots))
	for n, sl := range r.Intent.Slots {
		if sl.Value != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		v, id := r.Intent.Slots[n].Resolved()
		s += fmt.Sprintf(" %s=%q", n, r.Intent.Slots[n].Value)
		if id != "" {
			s += fmt.Sprintf("→%s", v)
		}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
