// Package storetest is the contract every skill.Store implementation must
// meet, as a test suite: run it from each store's tests with Run.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// Target is a store under test and what the suite needs to reach into it.
type Target struct {
	Store skill.Store
	// Corrupt replaces the user's item under key ("CONTEXT", "PREFS" or
	// "NIGHT#<date>#<topic>") with one that does not decode but keeps a
	// readable version, as a hand edit or an older schema would.
	Corrupt func(t *testing.T, user, key string)
}

// Clock is a settable clock for stores' Now fields.
type Clock struct{ ns atomic.Int64 }

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock {
	c := &Clock{}
	c.Set(t)
	return c
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return time.Unix(0, c.ns.Load()).UTC() }

// Set stops the clock at t.
func (c *Clock) Set(t time.Time) { c.ns.Store(t.UnixNano()) }

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

// Start is where every test's clock starts: 3 a.m. on a winter night.
var Start = time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC)

// Run runs the contract against stores made by open, which returns a new,
// empty store whose clock for expiry is now.
func Run(t *testing.T, open func(t *testing.T, now func() time.Time) Target) {
	tests := []struct {
		name string
		run  func(t *testing.T, tg Target, clk *Clock)
	}{
		{"RoundTrip", testRoundTrip},
		{"EmptyUser", testEmptyUser},
		{"EmptyChangeWritesNothing", testEmptyChange},
		{"VersionsRiseByOne", testVersions},
		{"StaleWriterMerges", testStaleWriter},
		{"TwoWritersBothKept", testTwoWriters},
		{"NightsAccumulate", testNightsAccumulate},
		{"ContextExpires", testContextExpires},
		{"NightsExpire", testNightsExpire},
		{"Resume", testResume},
		{"Forget", testForget},
		{"Undecodable", testUndecodable},
		{"NightsNeedStoredConsent", testNightsNeedStoredConsent},
		{"NightCountedOncePerTurn", testNightOncePerTurn},
		{"ParallelSessions", testParallelSessions},
		{"ForgetRacingOpenSession", testForgetRacingOpenSession},
		{"PrefsExpire", testPrefsExpire},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk := NewClock(Start)
			tc.run(t, open(t, clk.Now), clk)
		})
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// Users' store keys, as skill.Skill would hash them.
const (
	alice = "6a1b0c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"
	bob   = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"
)

// consent is the change that gives consent to keep nights.
func consent() session.Change {
	return session.Change{Prefs: &session.Prefs{History: session.ConsentGiven}}
}

func cramp(now time.Time) *session.Context {
	return &session.Context{
		Topic:   "cramp",
		Step:    "asked-easing",
		Pending: "cramp.easing",
		Answers: map[string]string{"triage.swelling": session.No},
		Facts:   []string{"cramp", "not:one_leg_swollen"},
		Level:   "self_care",
		Subject: "self",
		Routine: &session.Routine{ID: "calf", Step: 2, Pace: 1.5, Done: []int{0, 1}},
		Voice:   session.VoiceSoft,
		Started: now.Add(-2 * time.Minute),
		Updated: now,
	}
}

func tonight(topic session.Topic, outcome string) *session.Night {
	return &session.Night{Date: "2026-01-14", Topic: topic, Level: "self_care", Outcome: outcome, Count: 1}
}

func load(t *testing.T, s skill.Store, user string) session.Snapshot {
	t.Helper()
	snap, err := s.Load(ctxT(t), user)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return snap
}

func mustSave(t *testing.T, s skill.Store, user string, base session.Snapshot, ch session.Change) session.Snapshot {
	t.Helper()
	snap, err := s.Save(ctxT(t), user, base, ch)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	return snap
}

// sameContext compares contexts as stored: times to the second.
func sameContext(t *testing.T, got, want *session.Context) {
	t.Helper()
	if got == nil || want == nil {
		if got != want {
			t.Errorf("context = %+v, want %+v", got, want)
		}
		return
	}
	g, w := got.Clone(), want.Clone()
	for _, c := range []*session.Context{g, w} {
		c.Started, c.Updated = c.Started.Truncate(time.Second).UTC(), c.Updated.Truncate(time.Second).UTC()
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("context =\n%+v\nwant\n%+v", g, w)
	}
}

func testRoundTrip(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	c := cramp(clk.Now())
	p := &session.Prefs{Voice: session.VoiceNormal, History: session.ConsentGiven}
	n := tonight("cramp", "eased")
	saved := mustSave(t, s, alice, session.Snapshot{}, session.Change{Context: c, Prefs: p, Night: n})

	got := load(t, s, alice)
	wantC := c.Clone()
	wantC.Version = 1
	sameContext(t, got.Context, wantC)
	if want := (session.Prefs{Voice: session.VoiceNormal, History: session.ConsentGiven, Updated: clk.Now(), Version: 1}); got.Prefs != want {
		t.Errorf("prefs = %+v, want %+v", got.Prefs, want)
	}
	if want := []session.Night{*n}; !reflect.DeepEqual(got.Nights, want) {
		t.Errorf("nights = %+v, want %+v", got.Nights, want)
	}
	// Save returns what is now stored.
	sameContext(t, saved.Context, got.Context)
	if saved.Prefs != got.Prefs || !reflect.DeepEqual(saved.Nights, got.Nights) {
		t.Errorf("Save returned %+v, Load %+v", saved, got)
	}

	// Each item type alone (a night needs the consent kept before it).
	for name, ch := range map[string]session.Change{
		"context": {Context: &session.Context{Topic: "restless", Updated: clk.Now()}},
		"prefs":   {Prefs: &session.Prefs{Voice: session.VoiceSoft, History: session.ConsentRefused}},
		"night":   {Night: &session.Night{Date: "2026-01-13", Topic: "hip", Outcome: "advised", Count: 1}},
	} {
		t.Run(name, func(t *testing.T) {
			user := bob + "-" + name
			if ch.Night != nil {
				mustSave(t, s, user, session.Snapshot{}, consent())
			}
			mustSave(t, s, user, session.Snapshot{}, ch)
			got := load(t, s, user)
			switch {
			case ch.Context != nil:
				want := ch.Context.Clone()
				want.Version = 1
				sameContext(t, got.Context, want)
				if got.Prefs != (session.Prefs{}) || got.Nights != nil {
					t.Errorf("other items appeared: %+v", got)
				}
			case ch.Prefs != nil:
				want := *ch.Prefs
				want.Version, want.Updated = 1, clk.Now()
				if got.Prefs != want || got.Context != nil || got.Nights != nil {
					t.Errorf("got %+v, want only prefs %+v", got, want)
				}
			default:
				if !reflect.DeepEqual(got.Nights, []session.Night{*ch.Night}) || got.Context != nil || got.Prefs.Version != 1 {
					t.Errorf("got %+v, want only night %+v", got, ch.Night)
				}
			}
		})
	}
}

func testEmptyUser(t *testing.T, tg Target, _ *Clock) {
	got := load(t, tg.Store, alice)
	if !reflect.DeepEqual(got, session.Snapshot{}) {
		t.Errorf("Load of unknown user = %+v, want zero", got)
	}
}

func testEmptyChange(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	base := mustSave(t, s, alice, session.Snapshot{}, session.Change{Context: cramp(clk.Now())})
	// A stale base would conflict if anything were written.
	stale := session.Snapshot{Context: &session.Context{Topic: "old"}}
	got, err := s.Save(ctxT(t), alice, stale, session.Change{})
	if err != nil {
		t.Fatalf("Save(empty change): %v", err)
	}
	if got.Context.Topic != "old" {
		t.Errorf("Save(empty change) returned %+v, want the base back", got.Context)
	}
	if after := load(t, s, alice); after.Context.Version != base.Context.Version {
		t.Errorf("version %d after an empty change, want %d", after.Context.Version, base.Context.Version)
	}
	if snap := load(t, s, bob); !reflect.DeepEqual(snap, session.Snapshot{}) {
		t.Errorf("empty change for another user left %+v", snap)
	}
	if _, err := s.Save(ctxT(t), bob, session.Snapshot{}, session.Change{}); err != nil {
		t.Fatal(err)
	}
	if snap := load(t, s, bob); !reflect.DeepEqual(snap, session.Snapshot{}) {
		t.Errorf("empty change wrote %+v", snap)
	}
}

func testVersions(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	snap := session.Snapshot{}
	for i := 1; i <= 3; i++ {
		c := cramp(clk.Now())
		c.Step = fmt.Sprint("step-", i)
		p := &session.Prefs{Voice: []session.Voice{session.VoiceSoft, session.VoiceNormal}[i%2]}
		snap = mustSave(t, s, alice, snap, session.Change{Context: c, Prefs: p})
		if snap.Context.Version != int64(i) || snap.Prefs.Version != int64(i) {
			t.Fatalf("write %d: versions context %d prefs %d, want %d", i, snap.Context.Version, snap.Prefs.Version, i)
		}
	}
	if got := load(t, s, alice); got.Context.Version != 3 || got.Prefs.Version != 3 || got.Context.Step != "step-3" {
		t.Errorf("after 3 writes: %+v", got)
	}
}

// A writer holding an old snapshot does not overwrite a newer one blindly.
func testStaleWriter(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	base := mustSave(t, s, alice, session.Snapshot{}, session.Change{
		Context: cramp(clk.Now()),
		Prefs:   &session.Prefs{History: session.ConsentGiven},
	})
	// Another device moves on: level rises, a fact is added, voice changes.
	other := base.Context.Clone()
	other.Level = "urgent"
	other.AddFacts("leg_warm")
	mustSave(t, s, alice, base, session.Change{Context: other, Prefs: &session.Prefs{History: session.ConsentGiven, Voice: session.VoiceNormal}})

	// This turn still holds base.
	mine := base.Context.Clone()
	mine.Step = "asked-prevent"
	mine.AddFacts("cramp_eased")
	got := mustSave(t, s, alice, base, session.Change{Context: mine, Prefs: &session.Prefs{History: session.ConsentRefused}})

	stored := load(t, s, alice)
	c := stored.Context
	if c.Step != "asked-prevent" {
		t.Errorf("step = %q: this turn's context must win", c.Step)
	}
	if c.Level != "urgent" {
		t.Errorf("level = %q: the higher level must be kept", c.Level)
	}
	for _, f := range []string{"cramp", "leg_warm", "cramp_eased"} {
		if !c.HasFact(f) {
			t.Errorf("fact %q lost: %v", f, c.Facts)
		}
	}
	if c.Version != 3 {
		t.Errorf("context version %d, want 3", c.Version)
	}
	if want := (session.Prefs{Voice: session.VoiceNormal, History: session.ConsentRefused, Updated: clk.Now(), Version: 3}); stored.Prefs != want {
		t.Errorf("prefs = %+v, want %+v (each writer's changed field kept)", stored.Prefs, want)
	}
	sameContext(t, got.Context, stored.Context)
	if got.Prefs != stored.Prefs {
		t.Errorf("Save returned prefs %+v, stored %+v", got.Prefs, stored.Prefs)
	}
}

// Two devices of the same person answer at once from the same snapshot:
// both turns are kept.
func testTwoWriters(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	base := mustSave(t, s, alice, session.Snapshot{}, session.Change{
		Context: cramp(clk.Now()),
		Prefs:   &session.Prefs{History: session.ConsentGiven},
	})
	a := base.Context.Clone()
	a.AddFacts("fact_a")
	b := base.Context.Clone()
	b.AddFacts("fact_b")
	b.Level = "soon"
	chs := []session.Change{
		{Context: a, Night: tonight("cramp", "eased")},
		{Context: b, Night: tonight("cramp", "not-eased")},
	}
	errs := make(chan error, len(chs))
	for _, ch := range chs {
		go func() {
			_, err := s.Save(ctxT(t), alice, base, ch)
			errs <- err
		}()
	}
	for range chs {
		if err := <-errs; err != nil {
			t.Fatalf("Save: %v", err)
		}
	}
	got := load(t, s, alice)
	if !got.Context.HasFact("fact_a") || !got.Context.HasFact("fact_b") {
		t.Errorf("facts = %v, want both writers'", got.Context.Facts)
	}
	if got.Context.Level != "soon" {
		t.Errorf("level = %q, want soon", got.Context.Level)
	}
	if got.Context.Version != 3 {
		t.Errorf("context version %d, want 3", got.Context.Version)
	}
	if len(got.Nights) != 1 || got.Nights[0].Count != 2 {
		t.Errorf("nights = %+v, want one night with count 2", got.Nights)
	}
}

func testNightsAccumulate(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	mustSave(t, s, alice, session.Snapshot{}, consent())
	snap := mustSave(t, s, alice, session.Snapshot{}, session.Change{Night: tonight("cramp", "eased")})
	worse := tonight("cramp", "not-eased")
	worse.Level = "soon"
	snap = mustSave(t, s, alice, snap, session.Change{Night: worse})
	milder := tonight("cramp", "")
	milder.Level = "self_care"
	mustSave(t, s, alice, snap, session.Change{Night: milder})
	// Another topic and another date are other nights.
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Night: tonight("hip", "advised")})
	older := tonight("cramp", "eased")
	older.Date = "2026-01-10"
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Night: older})

	got := load(t, s, alice).Nights
	want := []session.Night{
		{Date: "2026-01-10", Topic: "cramp", Level: "self_care", Outcome: "eased", Count: 1},
		{Date: "2026-01-14", Topic: "cramp", Level: "soon", Outcome: "not-eased", Count: 3},
		{Date: "2026-01-14", Topic: "hip", Level: "self_care", Outcome: "advised", Count: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nights =\n%+v\nwant (oldest first, counts added, level kept)\n%+v", got, want)
	}
}

func testContextExpires(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Context: cramp(clk.Now()), Prefs: &session.Prefs{Voice: session.VoiceNormal}})
	clk.Advance(5 * time.Hour)
	if got := load(t, s, alice); got.Context.Empty() {
		t.Fatalf("context gone after 5h: %+v", got.Context)
	}
	clk.Advance(90 * time.Minute)
	got := load(t, s, alice)
	if !got.Context.Empty() {
		t.Errorf("context after 6.5h = %+v, want none", got.Context)
	}
	if got.Prefs.Voice != session.VoiceNormal {
		t.Errorf("prefs expired: %+v", got.Prefs)
	}
	// The next conversation writes over the expired one.
	next := &session.Context{Version: got.Context.Version, Topic: "restless"}
	if _, err := s.Save(ctxT(t), alice, got, session.Change{Context: next}); err != nil {
		t.Fatalf("Save over an expired context: %v", err)
	}
	if got := load(t, s, alice); got.Context.Topic != "restless" {
		t.Errorf("context = %+v, want the new conversation", got.Context)
	}
	// So does a writer that never saw it.
	if _, err := s.Save(ctxT(t), bob, session.Snapshot{}, session.Change{Context: cramp(clk.Now())}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(7 * time.Hour)
	if _, err := s.Save(ctxT(t), bob, session.Snapshot{}, session.Change{Context: &session.Context{Topic: "hip"}}); err != nil {
		t.Fatalf("Save from nothing over an expired context: %v", err)
	}
	if got := load(t, s, bob); got.Context.Topic != "hip" || got.Context.HasFact("cramp") {
		t.Errorf("context = %+v, want hip without the expired conversation's facts", got.Context)
	}
}

func testNightsExpire(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	mustSave(t, s, alice, session.Snapshot{}, consent())
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Night: tonight("cramp", "eased")})
	clk.Set(time.Date(2026, 4, 13, 12, 0, 0, 0, time.UTC)) // 89 days after the night
	if got := load(t, s, alice).Nights; len(got) != 1 {
		t.Fatalf("night gone after 89 days: %+v", got)
	}
	clk.Set(time.Date(2026, 4, 14, 12, 0, 0, 0, time.UTC))
	if got := load(t, s, alice).Nights; len(got) != 0 {
		t.Errorf("nights after 90 days = %+v, want none", got)
	}
	// A night written when it is already past its lifetime is not returned.
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Night: tonight("cramp", "eased")})
	if got := load(t, s, alice).Nights; len(got) != 0 {
		t.Errorf("a night written past its expiry is returned: %+v", got)
	}
}

// A new session resumes the conversation of an earlier one.
func testResume(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	c := cramp(clk.Now())
	mustSave(t, s, alice, session.Snapshot{}, session.Change{Context: c})
	clk.Advance(40 * time.Minute)
	got := load(t, s, alice)
	want := c.Clone()
	want.Version = 1
	sameContext(t, got.Context, want)
}

func testForget(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	all := session.Change{
		Context: cramp(clk.Now()),
		Prefs:   &session.Prefs{History: session.ConsentGiven},
		Night:   tonight("cramp", "eased"),
	}
	mustSave(t, s, alice, session.Snapshot{}, all)
	older := tonight("hip", "advised")
	older.Date = "2026-01-02"
	mustSave(t, s, alice, load(t, s, alice), session.Change{Night: older})
	bobs := mustSave(t, s, bob, session.Snapshot{}, all)

	if err := s.Forget(ctxT(t), alice); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	if got := load(t, s, alice); !reflect.DeepEqual(got, session.Snapshot{}) {
		t.Errorf("after Forget: %+v, want nothing", got)
	}
	got := load(t, s, bob)
	sameContext(t, got.Context, bobs.Context)
	if got.Prefs != bobs.Prefs || len(got.Nights) != 1 {
		t.Errorf("Forget(alice) touched bob: %+v", got)
	}
	if err := s.Forget(ctxT(t), alice); err != nil {
		t.Errorf("Forget of nobody: %v", err)
	}
	// A forgotten user starts again from nothing.
	if _, err := s.Save(ctxT(t), alice, session.Snapshot{}, all); err != nil {
		t.Fatalf("Save after Forget: %v", err)
	}
}

func testUndecodable(t *testing.T, tg Target, clk *Clock) {
	if tg.Corrupt == nil {
		t.Fatal("the target has no Corrupt: every store must be tested with bad data")
	}
	s := tg.Store
	n := tonight("cramp", "eased")
	mustSave(t, s, alice, session.Snapshot{}, session.Change{
		Context: cramp(clk.Now()),
		Prefs:   &session.Prefs{History: session.ConsentGiven, Voice: session.VoiceNormal},
		Night:   n,
	})
	other := tonight("hip", "advised")
	mustSave(t, s, alice, load(t, s, alice), session.Change{Night: other})
	for _, key := range []string{"CONTEXT", "PREFS", "NIGHT#" + n.Date + "#" + string(n.Topic)} {
		tg.Corrupt(t, alice, key)
	}
	got := load(t, s, alice)
	if !got.Context.Empty() {
		t.Errorf("undecodable context loaded as %+v", got.Context)
	}
	if got.Prefs.Voice != "" || got.Prefs.History != "" {
		t.Errorf("undecodable prefs loaded as %+v", got.Prefs)
	}
	if want := []session.Night{*other}; !reflect.DeepEqual(got.Nights, want) {
		t.Errorf("nights = %+v, want only the good one %+v", got.Nights, want)
	}
	// A turn writes over bad items, from what Load returned or from nothing.
	c := &session.Context{Topic: "restless"}
	saved, err := s.Save(ctxT(t), alice, got, session.Change{Context: c, Prefs: &session.Prefs{Voice: session.VoiceSoft, History: session.ConsentGiven}})
	if err != nil {
		t.Fatalf("Save over bad items: %v", err)
	}
	if _, err := s.Save(ctxT(t), alice, session.Snapshot{}, session.Change{Night: n}); err != nil {
		t.Fatalf("Save of a night over a bad one: %v", err)
	}
	after := load(t, s, alice)
	if after.Context.Topic != "restless" || after.Prefs.Voice != session.VoiceSoft || len(after.Nights) != 2 {
		t.Errorf("after writing over bad items: %+v", after)
	}
	if after.Context.Version != saved.Context.Version {
		t.Errorf("version %d, Save said %d", after.Context.Version, saved.Context.Version)
	}
}

// A night is kept only when the stored preferences give consent: never on
// the word of the writer's own copy (session attributes), which may be
// out of date.
func testNightsNeedStoredConsent(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	believed := session.Snapshot{Prefs: session.Prefs{History: session.ConsentGiven, Version: 1}}
	for name, stored := range map[string]*session.Change{
		"nothing stored": nil,
		"refused":        {Prefs: &session.Prefs{History: session.ConsentRefused}},
		"voice only":     {Prefs: &session.Prefs{Voice: session.VoiceNormal}},
	} {
		t.Run(name, func(t *testing.T) {
			user := alice + "-" + name
			if stored != nil {
				mustSave(t, s, user, session.Snapshot{}, *stored)
			}
			mustSave(t, s, user, believed, session.Change{Night: tonight("cramp", "eased")})
			if got := load(t, s, user).Nights; len(got) != 0 {
				t.Errorf("nights %+v kept without stored consent", got)
			}
		})
	}
	// Consent given in the same turn as the night keeps it.
	both := consent()
	both.Night = tonight("cramp", "eased")
	mustSave(t, s, bob, session.Snapshot{}, both)
	if got := load(t, s, bob).Nights; len(got) != 1 {
		t.Errorf("nights = %+v, want the night of the turn that gave consent", got)
	}
}

// A turn that is retried (the same Request) counts its night once, however
// many turns the night has seen.
func testNightOncePerTurn(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	mustSave(t, s, alice, session.Snapshot{}, consent())
	night := func(req string) session.Change {
		return session.Change{Night: tonight("cramp", "eased"), Request: req}
	}
	mustSave(t, s, alice, session.Snapshot{}, night("turn-1"))
	mustSave(t, s, alice, session.Snapshot{}, night("turn-1"))
	if got := load(t, s, alice).Nights; len(got) != 1 || got[0].Count != 1 {
		t.Fatalf("nights = %+v, want one with count 1 after a retried turn", got)
	}
	const turns = 45 // more than a night remembers
	for i := 2; i <= turns; i++ {
		mustSave(t, s, alice, session.Snapshot{}, night(fmt.Sprint("turn-", i)))
	}
	mustSave(t, s, alice, session.Snapshot{}, night(fmt.Sprint("turn-", turns)))
	if got := load(t, s, alice).Nights; len(got) != 1 || got[0].Count != turns {
		t.Errorf("nights = %+v, want one with count %d", got, turns)
	}
	// A turn without an ID has no guard: each counts.
	mustSave(t, s, alice, session.Snapshot{}, night(""))
	mustSave(t, s, alice, session.Snapshot{}, night(""))
	if got := load(t, s, alice).Nights; got[0].Count != turns+2 {
		t.Errorf("count = %d, want %d", got[0].Count, turns+2)
	}
}

// Many sessions of one listener at once, each from the same snapshot,
// each recording tonight's night and its own fact: every night counts.
// The one context is merged write by write; a session that could not get
// its turn in within the bounded attempts or its deadline says so
// (ErrConflict, or the context's error), and no fact of a session whose
// save succeeded is lost.
func testParallelSessions(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	base := mustSave(t, s, alice, session.Snapshot{}, session.Change{Context: cramp(clk.Now()), Prefs: &session.Prefs{History: session.ConsentGiven}})
	const sessions = 20
	errs := make([]error, sessions)
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Go(func() {
			c := base.Context.Clone()
			c.AddFacts(fmt.Sprint("fact_", i))
			_, errs[i] = s.Save(ctxT(t), alice, base, session.Change{Context: c, Night: tonight("cramp", "eased"), Request: fmt.Sprint("req-", i)})
		})
	}
	wg.Wait()
	got := load(t, s, alice)
	if len(got.Nights) != 1 || got.Nights[0].Count != sessions {
		t.Errorf("nights = %+v, want one with count %d", got.Nights, sessions)
	}
	lost := 0
	for i, err := range errs {
		gaveUp := errors.Is(err, session.ErrConflict) || errors.Is(err, context.DeadlineExceeded)
		if gaveUp && !strings.Contains(err.Error(), "keep night") {
			lost++
			continue
		}
		if err != nil {
			t.Errorf("session %d: %v", i, err)
			continue
		}
		if f := fmt.Sprint("fact_", i); !got.Context.HasFact(f) {
			t.Errorf("session %d saved, but its fact is lost: %v", i, got.Context.Facts)
		}
	}
	t.Logf("%d of %d context writes gave up after the bounded attempts", lost, sessions)
}

// A forget while another session of the same listener is still open: that
// session's later writes bring nothing back, neither the conversation nor
// the preferences nor a night, whatever its own copy says.
func testForgetRacingOpenSession(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	all := session.Change{Context: cramp(clk.Now()), Prefs: &session.Prefs{History: session.ConsentGiven}, Night: tonight("cramp", "eased")}
	open := mustSave(t, s, alice, session.Snapshot{}, all)
	if err := s.Forget(ctxT(t), alice); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	c := open.Context.Clone()
	c.Step = "eased"
	p := open.Prefs
	p.Voice = session.VoiceNormal
	if _, err := s.Save(ctxT(t), alice, open, session.Change{Context: c, Prefs: &p, Night: tonight("cramp", "eased"), Request: "late"}); !errors.Is(err, session.ErrForgotten) {
		t.Errorf("Save from the open session: %v, want ErrForgotten", err)
	}
	if got := load(t, s, alice); !reflect.DeepEqual(got, session.Snapshot{}) {
		t.Errorf("after a forget, the open session wrote back %+v", got)
	}
}

// Preferences expire PrefsLifetime after their last write, and a turn
// that writes anything months later keeps them.
func testPrefsExpire(t *testing.T, tg Target, clk *Clock) {
	s := tg.Store
	const month = 30 * 24 * time.Hour
	snap := mustSave(t, s, alice, session.Snapshot{}, session.Change{Prefs: &session.Prefs{Voice: session.VoiceNormal}})
	mustSave(t, s, bob, session.Snapshot{}, session.Change{Prefs: &session.Prefs{Voice: session.VoiceNormal}})
	clk.Advance(2 * month)
	// Alice comes back: her conversation is written, and her preferences
	// with it.
	mustSave(t, s, alice, snap, session.Change{Context: cramp(clk.Now())})
	clk.Advance(12 * month)
	if got := load(t, s, alice).Prefs; got.Voice != session.VoiceNormal {
		t.Errorf("preferences of a listener last here 12 months ago: %+v, want kept", got)
	}
	if got := load(t, s, bob).Prefs; got.Voice != "" {
		t.Errorf("preferences of a listener last here 14 months ago: %+v, want gone", got)
	}
	// Bob comes back: his expired preferences (TTL may not have deleted
	// them yet) are not brought back to life.
	mustSave(t, s, bob, load(t, s, bob), session.Change{Context: cramp(clk.Now())})
	if got := load(t, s, bob).Prefs; got.Voice != "" {
		t.Errorf("expired preferences came back: %+v", got)
	}
}
