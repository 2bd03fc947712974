package intents

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/transcript"
)

// Blind sets are sentences written by someone who could not see the
// vocabulary, the rules or these tests, each with the level a careful nurse
// would give it (README, "Warning signs"). Every set stays a regression
// test: none may be under-triaged on the console path.
const blindDir = "../internal/triage/testdata/blind"

var (
	blindReport = flag.Bool("blind.report", false, "print every blind case and the scores, without failing on under-triage")
	blindDevice = flag.String("blind.triage-device", "", "score device-route's `dir`/<set>.jsonl results (make device-check) instead of the console path")
	blindReplay = flag.Bool("blind.replay", false, "with -blind.triage-device, send each routed intent and its slots to the skill in-process and score its level, not the one the routing run recorded")
)

// blindCase is one line of a blind set: id, utterance, level, locale, row.
type blindCase struct {
	ID, Text, Want, Locale, Row string
}

func readBlind(t testing.TB, path string) []blindCase {
	t.Helper()
	var out []blindCase
	for n, col := range tsvRows(t, path) {
		if len(col) != 5 {
			t.Fatalf("%s:%d: %d columns, want 5 (id, utterance, level, locale, row)", path, n, len(col))
		}
		c := blindCase{col[0], col[1], col[2], col[3], col[4]}
		if levelRank(c.Want) < 0 {
			t.Fatalf("%s:%d: unknown level %q", path, n, c.Want)
		}
		out = append(out, c)
	}
	return out
}

// tsvRows yields a blind set's rows, split at tabs, with their line
// numbers; blank lines and # comments are passed over.
func tsvRows(t testing.TB, path string) func(yield func(int, []string) bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return func(yield func(int, []string) bool) {
		for i, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(i+1, strings.Split(line, "\t")) {
				return
			}
		}
	}
}

// levelRank orders the levels. No level at all (a question answered, no
// care advised) ranks with self-care: it is never enough for a warning sign.
func levelRank(l string) int {
	switch l {
	case "", "none", "self_care":
		return 1
	case "soon":
		return 2
	case "urgent":
		return 3
	case "emergency":
		return 4
	}
	return -1
}

// blindScore is what a README table reports for one set on one path.
type blindScore struct {
	Cases, Serious, Caught, Under, Over, Mild int
}

func (s *blindScore) add(want, got string) {
	w, g := levelRank(want), levelRank(got)
	s.Cases++
	if w >= 3 {
		s.Serious++
		if g >= 3 {
			s.Caught++
		}
	}
	if g < w {
		s.Under++
	}
	if w <= 2 {
		s.Mild++
		if g > w {
			s.Over++
		}
	}
}

func (s blindScore) String() string {
	return fmt.Sprintf("%d cases: emergency/urgent caught %d/%d (%.1f%%), under-triaged %d, over-triaged %d/%d (%.1f%%)",
		s.Cases, s.Caught, s.Serious, pct(s.Caught, s.Serious), s.Under, s.Over, s.Mild, pct(s.Over, s.Mild))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// firstLevel says text as the first words of a session, as in "Alexa, ask
// night legs: ...", and returns the triage level the skill answered with.
func firstLevel(t testing.TB, newSkill transcript.NewSkill, locale, text string) (level, said string) {
	t.Helper()
	sk := newSkill(func() time.Time { return transcript.Start })
	d, err := device.New(sk, device.Config{Locale: locale, SkillID: sk.SkillID})
	if err != nil {
		t.Fatal(err)
	}
	x, err := d.Say(context.Background(), text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	if x.Response == nil {
		t.Fatalf("%q: no response", text)
	}
	if l, ok := x.Response.SessionAttributes[skill.AttrTriage].(string); ok {
		level = l
	}
	return level, device.Spoken(x.Response.Response.OutputSpeech)
}

// TestBlindTriage plays every blind set through the console's path (the
// matcher, the pipeline, the real conversations) and fails on any case
// given a lower level than the set expects.
func TestBlindTriage(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(blindDir, "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no blind sets in %s (%v)", blindDir, err)
	}
	sort.Strings(files)
	newSkill := transcriptSkill(t)
	if *blindDevice != "" {
		var replay func(routed) string
		if *blindReplay {
			replay = replayer(t, newSkill)
		}
		for _, file := range files {
			scoreDevice(t, file, filepath.Join(*blindDevice, strings.TrimSuffix(filepath.Base(file), ".tsv")+".jsonl"), replay)
		}
		return
	}
	for _, file := range files {
		var score blindScore
		rows := map[string]*blindScore{}
		for _, c := range readBlind(t, file) {
			got, said := firstLevel(t, newSkill, c.Locale, c.Text)
			score.add(c.Want, got)
			if rows[c.Row] == nil {
				rows[c.Row] = &blindScore{}
			}
			rows[c.Row].add(c.Want, got)
			switch {
			case levelRank(got) < levelRank(c.Want) && !*blindReport:
				t.Errorf("%s %s: %q: level %q, want %q; said %q", filepath.Base(file), c.ID, c.Text, got, c.Want, said)
			case *blindReport && got != c.Want:
				t.Logf("%s %s [%s] want %s got %s: %q => %q", filepath.Base(file), c.ID, c.Row, c.Want, orNone(got), c.Text, said)
			}
		}
		t.Logf("%s (console): %s", filepath.Base(file), score)
	}
}

// replayer returns a function that sends a routed intent, with its slots
// resolved as device-route resolved them, as the first request of a new
// session, and returns the level the skill answered with.
func replayer(t *testing.T, newSkill transcript.NewSkill) func(routed) string {
	model := enModel(t)
	return func(r routed) string {
		sk := newSkill(func() time.Time { return transcript.Start })
		d, err := device.New(sk, device.Config{SkillID: sk.SkillID})
		if err != nil {
			t.Fatal(err)
		}
		x, err := d.Send(context.Background(), routedIntent(model, r))
		if err != nil || x.Response == nil {
			t.Fatalf("%s: %s: %v", r.ID, r.Intent, err)
		}
		level, _ := x.Response.SessionAttributes[skill.AttrTriage].(string)
		return level
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// scoreDevice scores device-route's answers to a blind set: each line of
// results is one utterance routed as a device's statistical NLU would, and
// the level the skill gave (README, "Warning signs"). With replay, the
// level is the one replay gives the routed intent instead: routing takes
// half an hour, and a change to the skill's code alone leaves it as it was.
func scoreDevice(t *testing.T, set, results string, replay func(routed) string) {
	t.Helper()
	cases := map[string]blindCase{}
	for _, c := range readBlind(t, set) {
		cases[c.ID] = c
	}
	b, err := os.ReadFile(results)
	if err != nil {
		t.Fatalf("%v (make device-check writes it)", err)
	}
	var score blindScore
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct {
			routed
			Triage *string
			Status int
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%s: %v", results, err)
		}
		c, ok := cases[r.ID]
		if !ok {
			t.Fatalf("%s: %s is not in %s", results, r.ID, set)
		}
		seen++
		got := ""
		if r.Triage != nil {
			got = *r.Triage
		}
		if replay != nil {
			got = replay(r.routed)
		}
		if r.Status != 200 {
			t.Errorf("%s %s: HTTP %d", filepath.Base(set), r.ID, r.Status)
		}
		score.add(c.Want, got)
		switch {
		case levelRank(got) < levelRank(c.Want) && !*blindReport:
			t.Errorf("%s %s: %q routed to %s: level %q, want %q", filepath.Base(set), c.ID, c.Text, r.Intent, orNone(got), c.Want)
		case *blindReport && got != c.Want:
			t.Logf("%s %s [%s] want %s got %s via %s: %q", filepath.Base(set), c.ID, c.Row, c.Want, orNone(got), r.Intent, c.Text)
		}
	}
	if seen != len(cases) {
		t.Errorf("%s: %d results for %d cases", results, seen, len(cases))
	}
	t.Logf("%s (device): %s", filepath.Base(set), score)
}
