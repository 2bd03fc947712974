package intents

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/intents/aches"
	"github.com/nightlegs/nightlegs/intents/cramp"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestMemoryData checks memory.yaml: it loads, bad data is refused, every
// text it names exists and says what it is used for, and every question it
// rewords is one a conversation asks.
func TestMemoryData(t *testing.T) {
	if _, err := loadMemory(memoryYAML, golit.Decode); err != nil {
		t.Fatal(err)
	}
	good := string(memoryYAML)
	for name, bad := range map[string]string{
		"unknown field":  good + "\nextra: 1\n",
		"unknown fact":   strings.Replace(good, "fact: frequent", "fact: no_such_fact", 1),
		"too few nights": strings.Replace(good, "nights: 4", "nights: 1", 1),
		"days < nights":  strings.Replace(good, "days: 14", "days: 3", 1),
		"few ordinals":   strings.Replace(good, "days: 14", "days: 40", 1),
		"no sources":     regexp.MustCompile(`(?s)    sources:.*?\n\n`).ReplaceAllString(good, "\n"),
		"no default":     strings.Replace(good, "default: resume.topic", "", 1),
	} {
		if bad == good {
			t.Fatalf("%s: the edit did not apply", name)
		}
		if _, err := loadMemory([]byte(bad), golit.Decode); err == nil {
			t.Errorf("%s: loadMemory accepted it", name)
		}
	}

	lib := library(t)
	s := newSet(lib)
	r := router.New(nil)
	s.registerBuiltins(r)
	for _, register := range topics {
		register(s, r)
	}
	s.registerSomeone(r)
	s.registerMemory(r)

	says := func(id string) bool { return lib.Has(id) && len(lib.Get(id).Say) > 0 }
	asks := func(id string) bool { return lib.Has(id) && lib.Get(id).Ask != "" }
	for topic, id := range memory.Resume.Greet {
		if !says(id) {
			t.Errorf("resume greeting for %s: %q says nothing", topic, id)
		}
		if _, ok := s.answers[topic]; !ok {
			t.Errorf("resume greeting for %s, which is no conversation taking answers", topic)
		}
	}
	if !says(memory.Resume.Default) {
		t.Errorf("default resume greeting %q says nothing", memory.Resume.Default)
	}
	for q, id := range memory.Resume.Again {
		if !asks(id) {
			t.Errorf("again for %s: %q asks nothing", q, id)
		}
		if !asks(q) {
			t.Errorf("again for %s, which is not a question", q)
		}
	}
	for topic := range memory.Topics {
		if _, ok := s.answers[topic]; !ok && topic != topicDefault {
			t.Errorf("topics names %s, which is no conversation taking answers", topic)
		}
	}
	for _, p := range memory.Patterns {
		for _, id := range append([]string{p.Default}, values(p.Say)...) {
			if !says(id) {
				t.Errorf("pattern %s: %q says nothing", p.ID, id)
			}
		}
	}
	for _, id := range []string{questionConsent, questionForget} {
		if !asks(id) {
			t.Errorf("%s asks nothing", id)
		}
		if s.questions[id] == nil {
			t.Errorf("%s: no one takes its answers", id)
		}
	}
}

func values[K comparable](m map[K]string) []string {
	var v []string
	for _, x := range m {
		v = append(v, x)
	}
	return v
}

// TestMemoryTextsFilled: the placeholders of memory's texts are all filled
// where memory says them, for whoever the conversation is about.
func TestMemoryTextsFilled(t *testing.T) {
	lib := library(t)
	extra := map[string]string{"nth": "fourth", "span": "two weeks", "topics": "3 with cramps"}
	for _, id := range lib.IDs() {
		if !strings.HasPrefix(id, "memory.") && !strings.HasPrefix(id, "resume.") {
			continue
		}
		txt := lib.Get(id)
		for who, f := range everyone() {
			for _, l := range append(txt.Say, txt.Ask) {
				tt := &router.Turn{State: &session.Context{}}
				switch {
				case who == "self":
				case strings.HasPrefix(who, "person "):
					p := strings.TrimPrefix(who, "person ")
					tt.State.Subject = people.People[p].Subject
					tt.State.SetAnswer(answerPerson, p)
				default:
					tt.State.Subject = strings.TrimPrefix(who, "subject ")
				}
				got := wordsWith(tt, l, extra)
				if strings.ContainsAny(got, "{}") {
					t.Errorf("%s about %s: unfilled in %q", id, who, got)
				}
				if wordsWith(tt, l, extra) != fill(l, merge(f, extra)) {
					t.Errorf("%s about %s: filled for the wrong person", id, who)
				}
			}
		}
	}
}

func merge(a, b map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

func TestNightsWithin(t *testing.T) {
	n := func(date string, topic session.Topic) session.Night { return session.Night{Date: date, Topic: topic} }
	tonight := n("2026-11-20", "cramp")
	tests := []struct {
		name   string
		nights []session.Night
		days   int
		want   int
	}{
		{"none kept", nil, 14, 1},
		{"tonight already kept", []session.Night{n("2026-11-20", "cramp")}, 14, 1},
		{"three earlier", []session.Night{n("2026-11-08", "cramp"), n("2026-11-12", "cramp"), n("2026-11-19", "cramp")}, 14, 4},
		{"first day of the window counts", []session.Night{n("2026-11-07", "cramp")}, 14, 2},
		{"the day before it does not", []session.Night{n("2026-11-06", "cramp")}, 14, 1},
		{"other topics do not", []session.Night{n("2026-11-19", "aches"), n("2026-11-18", "child")}, 14, 1},
		{"later nights do not", []session.Night{n("2026-11-21", "cramp")}, 14, 1},
		{"bad dates are skipped", []session.Night{n("yesterday", "cramp")}, 14, 1},
	}
	for _, tt := range tests {
		if got := nightsWithin(tt.nights, tonight, tt.days); got != tt.want {
			t.Errorf("%s: %d nights, want %d", tt.name, got, tt.want)
		}
	}
	if got := nightsWithin(nil, n("bad", "cramp"), 14); got != 0 {
		t.Errorf("tonight with a bad date: %d, want 0", got)
	}
}

func TestNightTopics(t *testing.T) {
	n := func(topic session.Topic) session.Night { return session.Night{Date: "2026-11-20", Topic: topic} }
	tests := []struct {
		nights []session.Night
		want   string
	}{
		{[]session.Night{n("cramp")}, "1 with cramps"},
		{[]session.Night{n("aches"), n("cramp"), n("cramp")}, "2 with cramps and 1 with aching legs"},
		{[]session.Night{n("aches"), n("cramp"), n("mystery")}, "1 with aching legs, 1 with cramps and 1 with sore legs"},
	}
	for _, tt := range tests {
		if got := nightTopics(tt.nights); got != tt.want {
			t.Errorf("nightTopics = %q, want %q", got, tt.want)
		}
	}
}

// countingStore counts the calls a store gets, by user.
type countingStore struct {
	skill.Store
	mu      sync.Mutex
	loads   map[string]int
	saves   map[string]int
	forgets map[string]int
	last    string // the user of the last call
}

func newCountingStore(st skill.Store) *countingStore {
	return &countingStore{Store: st, loads: map[string]int{}, saves: map[string]int{}, forgets: map[string]int{}}
}

func (c *countingStore) count(m map[string]int, user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m[user]++
	c.last = user
}

func (c *countingStore) Load(ctx context.Context, user string) (session.Snapshot, error) {
	c.count(c.loads, user)
	return c.Store.Load(ctx, user)
}

func (c *countingStore) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	c.count(c.saves, user)
	return c.Store.Save(ctx, user, base, ch)
}

func (c *countingStore) Forget(ctx context.Context, user string) error {
	c.count(c.forgets, user)
	return c.Store.Forget(ctx, user)
}

func (c *countingStore) calls(user string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loads[user] + c.saves[user] + c.forgets[user]
}

// spoken is what SSML says, as the console shows it.
func spoken(ssml string) string {
	return device.Spoken(&alexa.OutputSpeech{Type: alexa.SpeechSSML, SSML: ssml})
}

// TestSkillDisabledDeletesTheUsersData: a listener who kept nights and a
// voice disables the skill; the event deletes everything of theirs with
// one store call, and nothing of anyone else's.
func TestSkillDisabledDeletesTheUsersData(t *testing.T) {
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	mem := store.NewMemory()
	mem.Now = func() time.Time { return now }
	st := newCountingStore(mem)
	sk := newSkill(t, Options{Store: st, UserKeySecret: []byte("test"), Now: func() time.Time { return now }})
	keyOf := map[string]string{}
	for _, user := range []string{"amzn1.ask.account.LEAVING", "amzn1.ask.account.STAYING"} {
		l := &listener{t: t, skill: sk, user: user}
		// Two cramps in one session: the second recurs, and the
		// listener agrees to keep nights; a voice is remembered too.
		l.say(IntentVoiceLouder)
		keyOf[user] = st.last
		l.say(cramp.Intent)
		l.say(IntentYes)
		l.say(cramp.Intent)
		l.say(IntentYes)
		if got := l.said(IntentNo); !strings.Contains(got, words(&router.Turn{State: &session.Context{}}, library(t).Get(questionConsent).Ask)) {
			t.Fatalf("%s: consent not asked after a recurring cramp: %q", user, got)
		}
		l.say(IntentYes)
		snap, err := mem.Load(context.Background(), keyOf[user])
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.Nights) != 1 || snap.Prefs.History != session.ConsentGiven || snap.Prefs.Voice != session.VoiceNormal || snap.Context == nil {
			t.Fatalf("%s: before disabling, kept %+v", user, snap)
		}
	}
	leaving, staying := keyOf["amzn1.ask.account.LEAVING"], keyOf["amzn1.ask.account.STAYING"]
	before := st.calls(leaving)
	stayingBefore := st.calls(staying)

	env := &alexa.RequestEnvelope{}
	env.Request.Type = alexa.TypeSkillDisabled
	env.Context.System.User.UserID = "amzn1.ask.account.LEAVING"
	resp := (&listener{t: t, skill: sk}).send(env)
	if resp.Response.OutputSpeech != nil {
		t.Error("speech in answer to an event")
	}

	if got := st.forgets[leaving]; got != 1 {
		t.Errorf("Forget called %d times for the leaving user, want 1", got)
	}
	if got := st.calls(leaving) - before; got != 1 {
		t.Errorf("%d store calls for the event, want 1 (the Forget)", got)
	}
	if st.calls(staying) != stayingBefore {
		t.Error("the event touched another user's data")
	}
	gone, err := mem.Load(context.Background(), leaving)
	if err != nil {
		t.Fatal(err)
	}
	if gone.Context != nil || len(gone.Nights) != 0 || gone.Prefs != (session.Prefs{}) {
		t.Errorf("after disabling, still kept: %+v", gone)
	}
	kept, err := mem.Load(context.Background(), staying)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Nights) != 1 || kept.Prefs.History != session.ConsentGiven {
		t.Errorf("the other user lost data: %+v", kept)
	}
}

// TestWelcomeBack: what a session that opens soon after an earlier one
// picks up, and what it leaves to the plain welcome or to routines.
func TestWelcomeBack(t *testing.T) {
	lib := library(t)
	s := newSet(lib)
	s.registerMemory(router.New(nil))
	tests := []struct {
		name     string
		resumed  *session.Context
		ok       bool
		greet    string // content ID said first
		question string // what is asked
	}{
		{name: "nothing earlier"},
		{name: "finished", resumed: &session.Context{Topic: cramp.Topic, Step: "eased"}},
		{name: "a routine is the routine's", resumed: &session.Context{Topic: cramp.Topic, Pending: "cramp.relief", Routine: &session.Routine{ID: "calf"}}},
		{name: "memory's own question", resumed: &session.Context{Topic: cramp.Topic, Pending: questionForget}},
		{name: "cramp, asked in the past", resumed: &session.Context{Topic: cramp.Topic, Pending: "cramp.relief.foot"}, ok: true,
			greet: "resume.cramp", question: lib.Get("resume.ask.eased").Ask},
		{name: "cramp, asked as it was", resumed: &session.Context{Topic: cramp.Topic, Pending: "cramp.offer.more"}, ok: true,
			greet: "resume.cramp", question: lib.Get("cramp.offer.more").Ask},
		{name: "a topic with no greeting of its own", resumed: &session.Context{Topic: "mystery", Pending: "cramp.second"}, ok: true,
			greet: memory.Resume.Default, question: lib.Get("resume.ask.eased").Ask},
		{name: "a screening question", resumed: &session.Context{Topic: aches.Topic, Pending: "triage.swelling"}, ok: true,
			greet: "resume.aches", question: fill(screeningQuestion("triage.swelling"), forms(subjectSelf, "", ""))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turn := &router.Turn{Resumed: tt.resumed, State: &session.Context{Version: 7}, Prefs: &session.Prefs{}}
			r, ok := s.welcomeBack(turn)
			if ok != tt.ok {
				t.Fatalf("picked up = %v, want %v", ok, tt.ok)
			}
			if turn.State.Version != 7 {
				t.Errorf("version %d, want the saved item's 7", turn.State.Version)
			}
			if !ok {
				if turn.State.Pending != "" || turn.State.Topic != "" {
					t.Errorf("not picked up, yet the state is %+v", turn.State)
				}
				if tt.resumed != nil && tt.resumed.Topic != "" && !turn.State.Answered(answerSeen+string(tt.resumed.Topic)) {
					t.Error("the earlier topic was not noted as seen")
				}
				return
			}
			if turn.State.Topic != tt.resumed.Topic || turn.State.Pending != tt.resumed.Pending {
				t.Errorf("state %s/%s, want the earlier %s/%s", turn.State.Topic, turn.State.Pending, tt.resumed.Topic, tt.resumed.Pending)
			}
			if r.Question != tt.question {
				t.Errorf("asked %q, want %q", r.Question, tt.question)
			}
			want := spoken(s.speech(turn, tt.greet).String())
			if got := spoken(r.Speech.String()); got != want {
				t.Errorf("said %q, want %q", got, want)
			}
		})
	}
}

// TestMayAskConsent: the consent question is asked only in a quiet moment,
// once, and only with a night waiting for it.
func TestMayAskConsent(t *testing.T) {
	s := &set{lib: library(t)}
	waiting := func(c *session.Context) { c.SetAnswer(answerNight, "cramp eased") }
	tests := []struct {
		name  string
		edit  func(c *session.Context, p *session.Prefs, r *router.Reply)
		asked bool
	}{
		{"a night waits, nothing else is said", func(c *session.Context, p *session.Prefs, r *router.Reply) {}, true},
		{"a level of soon still allows it", func(c *session.Context, p *session.Prefs, r *router.Reply) { c.Level = triage.Soon }, true},
		{"no night waits", func(c *session.Context, p *session.Prefs, r *router.Reply) { delete(c.Answers, answerNight) }, false},
		{"already given", func(c *session.Context, p *session.Prefs, r *router.Reply) { p.History = session.ConsentGiven }, false},
		{"refused before", func(c *session.Context, p *session.Prefs, r *router.Reply) { p.History = session.ConsentRefused }, false},
		{"asked this session", func(c *session.Context, p *session.Prefs, r *router.Reply) {
			c.SetAnswer(questionConsent, session.Unknown)
		}, false},
		{"the reply asks its own question", func(c *session.Context, p *session.Prefs, r *router.Reply) { r.Question = "Is it easing?" }, false},
		{"an emergency answer", func(c *session.Context, p *session.Prefs, r *router.Reply) { r.Plain = true }, false},
		{"a forget", func(c *session.Context, p *session.Prefs, r *router.Reply) { r.Forget = true }, false},
		{"urgent earlier this session", func(c *session.Context, p *session.Prefs, r *router.Reply) { c.Level = triage.Urgent }, false},
		{"urgent from this turn's facts", func(c *session.Context, p *session.Prefs, r *router.Reply) { c.AddFacts("cramp_not_easing") }, false},
		{"a routine under way", func(c *session.Context, p *session.Prefs, r *router.Reply) { c.Routine = &session.Routine{ID: "calf"} }, false},
	}
	for _, tt := range tests {
		c, p := &session.Context{}, &session.Prefs{}
		waiting(c)
		r := router.Reply{Speech: &alexa.SSML{}, End: true}
		tt.edit(c, p, &r)
		turn := &router.Turn{State: c, Prefs: p}
		if got := s.mayAskConsent(turn, &r); got != tt.asked {
			t.Errorf("%s: asked = %v, want %v", tt.name, got, tt.asked)
		}
	}
}

// unforgetting is a store whose deletions fail, as a throttled or slow
// DynamoDB's do.
type unforgetting struct{ skill.Store }

func (unforgetting) Forget(context.Context, string) error { return errors.New("throttled") }

// TestForgetThatFailsIsSaidPlainly: when the store cannot delete, the
// listener hears so, never "I've deleted everything", and the session
// ends as it does after a deletion.
func TestForgetThatFailsIsSaidPlainly(t *testing.T) {
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	mem := store.NewMemory()
	mem.Now = func() time.Time { return now }
	for name, st := range map[string]skill.Store{"deleted": mem, "failed": unforgetting{mem}} {
		t.Run(name, func(t *testing.T) {
			sk := newSkill(t, Options{Store: st, UserKeySecret: []byte("test"), Now: func() time.Time { return now }})
			l := &listener{t: t, skill: sk, user: "amzn1.ask.account.FORGET-" + name}
			l.say(IntentRememberNights)
			l.say(IntentForget)
			got := l.said(IntentYes)
			done := spoken(strings.Join(library(t).Get("memory.forget.done").Say, " "))
			failed := spoken(strings.Join(library(t).Get("memory.forget.failed").Say, " "))
			if name == "failed" && (strings.Contains(got, done) || !strings.Contains(got, failed)) {
				t.Errorf("after a failed deletion the listener heard %q", got)
			}
			if name == "deleted" && (!strings.Contains(got, done) || strings.Contains(got, failed)) {
				t.Errorf("after a deletion the listener heard %q", got)
			}
			if l.open {
				t.Error("the session stayed open")
			}
		})
	}
}
