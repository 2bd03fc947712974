package intents

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/transcript"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Blind sets of what people say around the main conversations (issue 11)
// and of questions about causes (issue 16), written by helpers who could
// not see the project. Each case is judged mechanically by judgeTalk; the
// judge is strict on purpose and is the same on both paths:
//
//   - console: every turn through the simulated device and the matcher;
//   - device: the earlier turns ("before") on the console path, then the
//     scored utterance as device-route (a statistical NLU standing in for
//     Alexa's) routed it, read from its --json output (make
//     device-check-talk). device-route routes a single first-turn
//     utterance; here only its intent and slots are used, so multi-turn
//     cases are judged in their conversation.
const talkBlindDir = "testdata/blind"

var talkDeviceDir = flag.String("blind.device", "", "directory of device-route --json outputs, <set>.jsonl, to judge the blind talk sets on the device path")

// talkFloor is how many cases of each set must be handled well on the
// console path: a ratchet that only goes up, but for a fix withdrawn
// because it hid a warning sign (README says which: sets sG, sH, sI, sP,
// sS, sAM's uh115, sAN's ui117, sAO's uj067 and sAQ's ul034; "work" as a
// place asking nothing, so a new sharp pain told after "at work" gets its
// safety check: sf163 and rs136), or a case whose expectation the skill's
// own safety rule overrides
// (talk-2026-12-02-k's tn131: a cramp the second way did not ease needs
// checking today, transcript cramp-never-eases; talk-2026-12-04-z's
// rg172, rg175 and rg177, whose earlier turns answer yes to the
// emergency screen: the part corrected after the call for 911 hears the
// call again, transcript care-again-complaint); a set not listed must
// pass whole.
var talkFloor = map[string]int{"talk-2026-12-01.tsv": 189, "causes-2026-12-01.tsv": 85, "talk-2026-12-01-b.tsv": 177, "causes-2026-12-01-b.tsv": 83, "talk-2026-12-01-c.tsv": 198, "causes-2026-12-01-c.tsv": 132, "talk-2026-12-02.tsv": 211, "causes-2026-12-02.tsv": 157, "talk-2026-12-02-b.tsv": 208, "causes-2026-12-02-b.tsv": 155, "talk-2026-12-02-c.tsv": 270, "causes-2026-12-02-c.tsv": 162, "talk-2026-12-02-d.tsv": 210, "talk-2026-12-02-e.tsv": 249, "talk-2026-12-02-f.tsv": 238, "causes-2026-12-02-d.tsv": 177, "talk-2026-12-02-g.tsv": 195, "causes-2026-12-02-e.tsv": 186, "talk-2026-12-02-h.tsv": 208, "causes-2026-12-02-f.tsv": 190, "talk-2026-12-02-i.tsv": 197, "causes-2026-12-02-g.tsv": 185, "talk-2026-12-02-j.tsv": 215, "causes-2026-12-02-h.tsv": 187, "talk-2026-12-02-k.tsv": 203, "causes-2026-12-02-i.tsv": 187, "talk-2026-12-02-l.tsv": 200, "causes-2026-12-02-j.tsv": 185, "talk-2026-12-02-m.tsv": 201, "causes-2026-12-02-k.tsv": 189, "talk-2026-12-02-n.tsv": 217, "causes-2026-12-02-l.tsv": 190, "talk-2026-12-02-o.tsv": 199, "causes-2026-12-02-m.tsv": 187, "talk-2026-12-03.tsv": 192, "causes-2026-12-03.tsv": 183, "talk-2026-12-03-b.tsv": 173, "causes-2026-12-03-b.tsv": 187, "talk-2026-12-03-c.tsv": 158, "causes-2026-12-03-c.tsv": 189, "talk-2026-12-03-d.tsv": 228, "causes-2026-12-03-d.tsv": 182, "talk-2026-12-03-e.tsv": 165, "causes-2026-12-03-e.tsv": 190, "talk-2026-12-03-f.tsv": 217, "causes-2026-12-03-f.tsv": 198, "talk-2026-12-03-g.tsv": 179, "causes-2026-12-03-g.tsv": 192, "talk-2026-12-03-h.tsv": 181, "causes-2026-12-03-h.tsv": 185, "talk-2026-12-03-i.tsv": 180, "causes-2026-12-03-i.tsv": 192, "causes-2026-12-03-j.tsv": 184, "talk-2026-12-03-j.tsv": 176, "causes-2026-12-03-k.tsv": 192, "talk-2026-12-03-k.tsv": 171, "talk-2026-12-04-l.tsv": 186, "causes-2026-12-04-l.tsv": 195, "talk-2026-12-04-m.tsv": 178, "causes-2026-12-04-m.tsv": 184, "talk-2026-12-04-n.tsv": 177, "causes-2026-12-04-n.tsv": 198, "talk-2026-12-04-o.tsv": 167, "causes-2026-12-04-o.tsv": 195, "talk-2026-12-04-p.tsv": 172, "causes-2026-12-04-p.tsv": 196, "talk-2026-12-04-q.tsv": 181, "causes-2026-12-04-q.tsv": 196, "talk-2026-12-04-r.tsv": 168, "causes-2026-12-04-r.tsv": 200, "talk-2026-12-04-s.tsv": 190, "causes-2026-12-04-s.tsv": 198, "talk-2026-12-04-t.tsv": 182, "causes-2026-12-04-t.tsv": 197, "talk-2026-12-04-u.tsv": 176, "causes-2026-12-04-u.tsv": 196, "talk-2026-12-04-v.tsv": 203, "causes-2026-12-04-v.tsv": 195, "talk-2026-12-04-w.tsv": 191, "causes-2026-12-04-w.tsv": 197, "talk-2026-12-04-x.tsv": 178, "causes-2026-12-04-x.tsv": 191, "talk-2026-12-04-y.tsv": 175, "causes-2026-12-04-y.tsv": 185, "talk-2026-12-04-z.tsv": 208, "causes-2026-12-04-z.tsv": 198, "talk-2026-12-04-za.tsv": 224, "causes-2026-12-04-za.tsv": 194, "talk-2026-12-04-zb.tsv": 221, "causes-2026-12-04-zb.tsv": 195, "talk-2026-12-05.tsv": 218, "causes-2026-12-05.tsv": 199, "talk-2026-12-05-b.tsv": 212, "causes-2026-12-05-b.tsv": 199, "talk-2026-12-05-c.tsv": 219, "causes-2026-12-05-c.tsv": 194, "talk-2026-12-05-d.tsv": 215, "causes-2026-12-05-d.tsv": 195, "talk-2026-12-05-e.tsv": 223, "causes-2026-12-05-e.tsv": 195, "causes-2026-12-05-f.tsv": 197, "causes-2026-12-05-g.tsv": 184, "causes-2026-12-05-h.tsv": 184, "causes-2026-12-05-i.tsv": 180, "causes-2026-12-05-j.tsv": 189, "causes-2026-12-05-k.tsv": 189, "causes-2026-12-05-l.tsv": 188, "causes-2026-12-05-m.tsv": 178, "causes-2026-12-05-n.tsv": 189, "causes-2026-12-05-o.tsv": 185, "causes-2026-12-05-p.tsv": 186, "causes-2026-12-05-q.tsv": 191, "causes-2026-12-05-r.tsv": 169, "causes-2026-12-05-s.tsv": 180, "causes-2026-12-05-t.tsv": 188, "causes-2026-12-05-u.tsv": 192, "causes-2026-12-05-v.tsv": 188, "causes-2026-12-05-w.tsv": 190, "causes-2026-12-06.tsv": 193, "causes-2026-12-06-b.tsv": 188, "causes-2026-12-06-c.tsv": 183, "causes-2026-12-06-d.tsv": 186, "causes-2026-12-06-e.tsv": 172, "causes-2026-12-06-h.tsv": 169, "causes-2026-12-06-i.tsv": 130, "causes-2026-12-06-j.tsv": 107, "causes-2026-12-06-k.tsv": 113, "causes-2026-12-06-l.tsv": 112, "causes-2026-12-06-m.tsv": 119, "causes-2026-12-06-n.tsv": 120, "causes-2026-12-06-o.tsv": 118, "causes-2026-12-06-p.tsv": 113, "causes-2026-12-06-q.tsv": 115, "causes-2026-12-07-b.tsv": 110, "causes-2026-12-07-c.tsv": 109, "causes-2026-12-07-d.tsv": 117, "causes-2026-12-07-e.tsv": 112, "causes-2026-12-07-f.tsv": 114, "causes-2026-12-07-g.tsv": 117, "causes-2026-12-07-h.tsv": 117, "causes-2026-12-07-i.tsv": 111, "causes-2026-12-07-j.tsv": 116, "causes-2026-12-07-k.tsv": 118, "causes-2026-12-07-l.tsv": 106, "causes-2026-12-07-m.tsv": 111, "causes-2026-12-07-n.tsv": 117, "causes-2026-12-07-o.tsv": 113, "causes-2026-12-07-p.tsv": 117, "causes-2026-12-07-q.tsv": 116, "causes-2026-12-07-r.tsv": 117, "causes-2026-12-07-s.tsv": 115, "causes-2026-12-07-t.tsv": 114, "causes-2026-12-07-u.tsv": 112, "causes-2026-12-07-v.tsv": 113, "causes-2026-12-07-w.tsv": 114, "causes-2026-12-07-x.tsv": 111, "causes-2026-12-07-y.tsv": 111, "causes-2026-12-07-z.tsv": 101}

// talkCase is one line of a talk or causes set.
type talkCase struct {
	ID, Text, Category string
	Before             []string
	Expect             string
	Words              []string
}

func readTalkSet(t testing.TB, path string) []talkCase {
	t.Helper()
	causes := strings.HasPrefix(filepath.Base(path), "causes-")
	var out []talkCase
	for n, col := range tsvRows(t, path) {
		var c talkCase
		switch {
		case causes && (len(col) == 3 || len(col) == 4):
			c = talkCase{ID: col[0], Text: col[1], Category: "cause:" + col[2]}
			kw, ok := causeWords[col[2]]
			if !ok {
				t.Fatalf("%s:%d: cause %q has no keywords in causeWords", path, n, col[2])
			}
			c.Words = kw
			// A fourth column is what was said first: the question is
			// asked as a follow-up (set sO).
			if len(col) == 4 {
				c.Before = splitBefore(col[3])
			}
		case !causes && (len(col) == 5 || len(col) == 6):
			c = talkCase{ID: col[0], Text: col[1], Category: col[2], Expect: col[4], Before: splitBefore(col[3])}
			if len(col) == 6 && strings.TrimSpace(col[5]) != "" {
				c.Words = strings.Split(col[5], "|")
			}
		default:
			t.Fatalf("%s:%d: %d columns", path, n, len(col))
		}
		out = append(out, c)
	}
	return out
}

// splitBefore returns the turns said before a case, written "a | b".
func splitBefore(col string) []string {
	var out []string
	for _, b := range strings.Split(col, " | ") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// causeWords is, for each cause of the causes set, words of which an answer
// that addresses the cause says at least one. Written before any answer
// was read.
var causeWords = map[string][]string{
	"mattress":     {"mattress", "pillow", "position", "topper", "sleep on", "lying"},
	"overuse":      {"muscles", "muscle", "overdo", "overdid", "activity", "exercise", "busy day", "tired"},
	"hydration":    {"water", "drink", "fluids", "dehydration", "dehydrated", "electrolytes", "minerals"},
	"restless":     {"restless", "urge"},
	"circulation":  {"circulation", "blood flow", "arteries", "artery", "veins"},
	"nerves":       {"nerve", "nerves", "neuropathy", "diabetes", "sciatic"},
	"inflammation": {"arthritis", "inflammation", "inflamed", "joint", "joints", "bursitis"},
	"hormones_age": {"hormone", "hormones", "menopause", "pregnancy", "pregnant", "age", "older"},
	"stress":       {"stress", "anxiety", "anxious", "tense", "tension"},
	"routine":      {"sitting", "moving", "shoes", "routine", "desk", "sit", "still"},
	"night_worse":  {"night", "still", "distractions", "distract", "rhythm", "clock"},
	"doctor":       {"doctor", "test", "tests", "blood", "ultrasound", "questions", "physio", "scan"},
}

// commonCauses is the start of the answer that names the common causes
// (about.causes), lower case.
var commonCauses = strings.ToLower(strings.TrimSuffix(content.MustDefault().Get("about.causes").Say[0], "."))[:40]

// symptomCategories are talk categories that are complaints, where a
// safety check is right.
var symptomCategories = map[string]bool{"complaint_polite": true, "pain_in_stretch": true}

// talkVerdict is the judge's finding for one case.
type talkVerdict struct {
	Said, Intent string
	Open         bool
	Fails        []string
}

var (
	emergencyRE = regexp.MustCompile(`\b(911|999|000|112|nine one one|nine nine nine)\b`)
	doseRE      = regexp.MustCompile(`\b(mg|milligrams?|tablets? a day|twice a day)\b`)
	// grammarRE finds a pronoun after a verb that wants an object ("keeps
	// she awake") or a plain verb after he or she ("she have"); an
	// auxiliary before the pronoun makes the plain verb right ("does she
	// have"), see grammarSlip.
	grammarRE = regexp.MustCompile(`(\w+ )?\b(?:(?:keeps|makes|wakes) (?:she|he|they|i)\b|(?:she|he) (?:are|have|do)\b)`)
)

// hasWord reports whether said contains w as whole words; a noun's
// plural counts ("nerves" for the keyword "nerve").
func hasWord(said, w string) bool {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(strings.ToLower(strings.TrimSpace(w))) + `(?:s|es)?\b`)
	return re.MatchString(strings.ToLower(said))
}

// screeningFragments are distinctive words of every screening question:
// hearing one is being screened.
func screeningFragments() []string {
	out := []string{"safety check", "short of breath"}
	for _, id := range triage.Questions() {
		q := strings.ToLower(triage.Question(id))
		best := ""
		for _, part := range regexp.MustCompile(`\{[^}]*\}|[,?.;:]`).Split(q, -1) {
			part = strings.Join(strings.Fields(part), " ")
			if len(strings.Fields(part)) >= 4 && len(part) > len(best) {
				best = part
			}
		}
		if best != "" {
			out = append(out, best)
		}
	}
	return out
}

// offersSaid are the offers made after an answer (addOffer), as the
// content words them: each routine's by name, and the warning-sign check.
var offersSaid = sync.OnceValue(func() []string {
	lib, err := content.Default()
	if err != nil {
		panic(err)
	}
	out := []string{lib.Get(questionCheck).Ask}
	for _, id := range routines.IDs() {
		rt, _ := routines.Get(id)
		out = append(out, routineOffer(rt.Name))
	}
	return out
})

// judgeTalk judges one answer. prev is what was said the turn before (""
// if the utterance opened the conversation).
func judgeTalk(c talkCase, said, prev, intent string, open bool, screens []string) []string {
	var fails []string
	low := strings.ToLower(said)
	cat := c.Category
	if n := alexa.CountWords(said); n > 40 {
		fails = append(fails, fmt.Sprintf("%d words", n))
	}
	// An offer's own words ("Want to try the before bed routine?") are no
	// answer to a cause asked about: they would pass "routine". Asked for
	// a stretch, the routine offered is the answer.
	answer := said
	if strings.HasPrefix(c.Category, "cause") {
		for _, o := range offersSaid() {
			answer = strings.ReplaceAll(answer, o, "")
		}
	}
	if len(c.Words) > 0 && !slices.ContainsFunc(c.Words, func(w string) bool { return hasWord(answer, w) }) {
		fails = append(fails, "none of "+strings.Join(c.Words, "|"))
	}
	symptomTurn := symptomCategories[cat] ||
		(cat == "someone_else" && !strings.Contains(c.Expect, "quietly"))
	if !symptomTurn {
		// Saying again the emergency answer just given is what "say that
		// again" and "what?" ask for.
		repeated := (cat == "repeat" || cat == "what") && emergencyRE.MatchString(strings.ToLower(prev))
		if emergencyRE.MatchString(low) && !repeated {
			fails = append(fails, "emergency number")
		}
		for _, f := range screens {
			// Saying again, or in other words, the question just asked
			// is what "say that again" and "what?" ask for (issue 11).
			again := (cat == "repeat" || cat == "what") && strings.Contains(strings.ToLower(prev), f)
			// The conversation's own safety question, asked in the last
			// answer and still unanswered, asked again after a side turn
			// ("are you a doctor?") is no new safety check: triage keeps
			// it until it is answered.
			waiting := strings.Contains(strings.ToLower(prev), f) && !strings.Contains(low, "safety check")
			if strings.Contains(low, f) && !again && !waiting {
				fails = append(fails, "screening: "+f)
				break
			}
		}
	}
	if strings.Contains(low, "didn't catch") || strings.Contains(low, "did not catch") {
		fails = append(fails, "fallback")
	}
	easing := strings.Contains(low, "is it easing")
	switch {
	case strings.HasPrefix(cat, "cause:"), cat == "why_night", cat == "prevention", cat == "what_is", cat == "cause":
		if easing {
			fails = append(fails, "relief steps instead of an answer")
		}
		// The common causes, said when no cause was caught, name several
		// of causeWords' words at once: a question about one cause is
		// answered only by that cause's answer.
		if strings.HasPrefix(cat, "cause") && strings.Contains(low, commonCauses) {
			fails = append(fails, "the common causes, not the one asked")
		}
	case cat == "medicine":
		if doseRE.MatchString(low) {
			fails = append(fails, "a dose")
		}
		if easing && !hasWord(c.Expect, "guides") {
			fails = append(fails, "relief steps instead of an answer")
		}
	case cat == "greeting", cat == "cant_sleep", cat == "what", cat == "complaint_polite", cat == "stretches":
		if !open {
			fails = append(fails, "session ended")
		}
	case cat == "thanks":
		if !slices.ContainsFunc([]string{"welcome", "glad", "pleasure", "anytime", "good"}, func(w string) bool { return hasWord(said, w) }) {
			fails = append(fails, "no acknowledgement")
		}
	case cat == "goodbye":
		if open {
			fails = append(fails, "session left open")
		}
	case cat == "are_you_doctor":
		if !hasWord(said, "not") {
			fails = append(fails, "no disclaimer")
		}
	case cat == "hold_on":
		if !open {
			fails = append(fails, "session ended")
		}
		if alexa.CountWords(said) > 15 {
			fails = append(fails, "more than a short pause")
		}
	case cat == "repeat":
		if first := firstSentence(prev); first == "" || !strings.Contains(low, strings.ToLower(first)) {
			fails = append(fails, fmt.Sprintf("does not repeat %q", first))
		}
	case cat == "already_tried":
		if first := firstSentence(prev); first != "" && strings.Contains(low, strings.ToLower(first)) {
			fails = append(fails, "repeats the same advice")
		}
	case cat == "pain_in_stretch":
		if emergencyRE.MatchString(low) {
			fails = append(fails, "emergency number")
		}
	case strings.HasPrefix(cat, "memory_"):
		// On the console the catch-all's words are read for memory
		// inside the skill, so the request's intent is the catch-all:
		// an answer that opens with memory's own words reached it too.
		if !strings.Contains(intent, "Memory") && !strings.Contains(intent, "Forget") && !strings.Contains(intent, "Remember") &&
			!slices.ContainsFunc(memoryOpenings(), func(o string) bool { return strings.HasPrefix(low, o) }) {
			fails = append(fails, "did not reach memory ("+intent+")")
		}
	}
	if cat == "someone_else" && grammarSlip(low) {
		fails = append(fails, "grammar")
	}
	return fails
}

// grammarSlip reports a pronoun in the wrong form: "keeps she awake", "she
// have", but not "does she have" or "can he do".
func grammarSlip(low string) bool {
	for _, m := range grammarRE.FindAllStringSubmatch(low, -1) {
		switch strings.TrimSpace(m[1]) {
		case "does", "did", "do", "can", "could", "will", "would", "should", "might", "may", "must", "to":
			if !strings.Contains(m[0], "keeps") && !strings.Contains(m[0], "makes") && !strings.Contains(m[0], "wakes") {
				continue
			}
		}
		return true
	}
	return false
}

// memoryOpenings are the first words of every memory text (memory.*,
// forget, count.*, stopkeeping.*), lower case, placeholders cut off.
var memoryOpenings = sync.OnceValue(func() []string {
	lib := content.MustDefault()
	var out []string
	for _, id := range lib.IDs() {
		if !strings.HasPrefix(id, "memory.") && !strings.HasPrefix(id, "count.") && !strings.HasPrefix(id, "stopkeeping.") {
			continue
		}
		tx := lib.Get(id)
		first := tx.Ask
		if len(tx.Say) > 0 {
			first = tx.Say[0]
		}
		if i := strings.Index(first, "{"); i >= 0 {
			first = first[:i]
		}
		if first = strings.ToLower(strings.TrimSpace(first)); len(strings.Fields(first)) >= 3 {
			out = append(out, first)
		}
	}
	return out
})

// firstSentence is the first sentence of a spoken answer.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".?!"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// routed is one line of device-route's --json output.
type routed struct {
	ID     string            `json:"id"`
	Intent string            `json:"intent"`
	Slots  map[string]string `json:"slots"`
}

func readRouted(t testing.TB, path string) map[string]routed {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]routed{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r routed
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[r.ID] = r
	}
	return out
}

// routedIntent rebuilds the intent device-route sent: every slot of the
// intent, filled ones resolved against their slot type as Alexa's entity
// resolution does.
func routedIntent(m *infra.LanguageModel, r routed) *alexa.Intent {
	in := &alexa.Intent{Name: r.Intent, ConfirmationStatus: alexa.ConfirmationNone, Slots: map[string]alexa.Slot{}}
	for _, spec := range m.Intents {
		if spec.Name != r.Intent {
			continue
		}
		for _, s := range spec.Slots {
			slot := alexa.Slot{Name: s.Name, ConfirmationStatus: alexa.ConfirmationNone}
			if v, ok := r.Slots[s.Name]; ok {
				slot.Value = v
				slot.Resolutions = resolveIn(m, s.Type, v)
			}
			in.Slots[s.Name] = slot
		}
	}
	return in
}

func resolveIn(m *infra.LanguageModel, typ, v string) *alexa.Resolutions {
	// Words as device-route and a device's recogniser give them: "an
	// x-ray" is "an x ray".
	norm := func(s string) string { return strings.Join(tokens(s), " ") }
	want := strings.TrimSuffix(strings.TrimSuffix(norm(v), "'s"), "'")
	r := alexa.Resolution{Status: alexa.ResolutionStatus{Code: alexa.ResolutionNoMatch}}
	idx := typeIndex(m, typ, norm)
	seen := map[int]bool{}
	var hits []int
	for _, k := range []string{norm(v), want} {
		for _, i := range idx.byPhrase[k] {
			if !seen[i] {
				seen[i] = true
				hits = append(hits, i)
			}
		}
	}
	slices.Sort(hits)
	for _, i := range hits {
		tv := idx.values[i]
		r.Status.Code = alexa.ResolutionMatch
		r.Values = append(r.Values, alexa.ResolutionValue{Value: alexa.ResolvedValue{Name: tv.Name.Value, ID: tv.ID}})
	}
	return &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{r}}
}

// slotIndex is a slot type's values and, by its words, which of them
// a phrase names: resolving by scanning tens of thousands of phrases
// for every slot made the device replays take half an hour.
type slotIndex struct {
	values   []infra.TypeValue
	byPhrase map[string][]int
}

var slotIndexes sync.Map // *infra.LanguageModel and type name -> *slotIndex

func typeIndex(m *infra.LanguageModel, typ string, norm func(string) string) *slotIndex {
	type key struct {
		m   *infra.LanguageModel
		typ string
	}
	if x, ok := slotIndexes.Load(key{m, typ}); ok {
		return x.(*slotIndex)
	}
	idx := &slotIndex{byPhrase: map[string][]int{}}
	for _, st := range m.Types {
		if st.Name != typ {
			continue
		}
		for _, tv := range st.Values {
			i := len(idx.values)
			idx.values = append(idx.values, tv)
			for _, p := range append([]string{tv.Name.Value}, tv.Name.Synonyms...) {
				k := norm(p)
				if l := idx.byPhrase[k]; len(l) == 0 || l[len(l)-1] != i {
					idx.byPhrase[k] = append(l, i)
				}
			}
		}
	}
	x, _ := slotIndexes.LoadOrStore(key{m, typ}, idx)
	return x.(*slotIndex)
}

// playTalk plays a case and judges it. With via set, the scored utterance
// is sent as that intent instead of being matched.
func playTalk(t testing.TB, newSkill transcript.NewSkill, c talkCase, via *alexa.Intent, screens []string) talkVerdict {
	t.Helper()
	sk := newSkill(func() time.Time { return transcript.Start })
	d, err := device.New(sk, device.Config{SkillID: sk.SkillID})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	prev := ""
	for _, b := range c.Before {
		x, err := d.Say(ctx, b)
		if err != nil {
			t.Fatalf("%s: %q: %v", c.ID, b, err)
		}
		prev = device.Spoken(x.Response.Response.OutputSpeech)
	}
	var x *device.Exchange
	if via != nil {
		x, err = d.Send(ctx, via)
	} else {
		x, err = d.Say(ctx, c.Text)
	}
	if err != nil || x.Response == nil {
		t.Fatalf("%s: %q: %v", c.ID, c.Text, err)
	}
	v := talkVerdict{Said: device.Spoken(x.Response.Response.OutputSpeech), Open: x.Open}
	if x.Request.Request.Intent != nil {
		v.Intent = x.Request.Request.Intent.Name
	}
	v.Fails = judgeTalk(c, v.Said, prev, v.Intent, v.Open, screens)
	return v
}

// TestBlindTalk judges every blind talk and causes case on the console
// path (and, with -blind.device, on the device path) and fails when fewer
// are handled well than talkFloor requires.
func TestBlindTalk(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(talkBlindDir, "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no blind sets in %s (%v)", talkBlindDir, err)
	}
	newSkill := transcriptSkill(t)
	screens := screeningFragments()
	model, err := infra.Model("en-US")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		set := filepath.Base(file)
		cases := readTalkSet(t, file)
		paths := []string{"console"}
		var routes map[string]routed
		if *talkDeviceDir != "" {
			routes = readRouted(t, filepath.Join(*talkDeviceDir, strings.TrimSuffix(set, ".tsv")+".jsonl"))
			paths = append(paths, "device")
		}
		for _, path := range paths {
			good := 0
			byCat := map[string][2]int{}
			var failed []string
			for _, c := range cases {
				var via *alexa.Intent
				if path == "device" {
					r, ok := routes[c.ID]
					if !ok {
						t.Fatalf("%s: %s has no device route", set, c.ID)
					}
					via = routedIntent(model, r)
				}
				v := playTalk(t, newSkill, c, via, screens)
				n := byCat[c.Category]
				n[1]++
				if len(v.Fails) == 0 {
					good++
					n[0]++
				} else {
					failed = append(failed, fmt.Sprintf("%s %s [%s] %q -> %s: %q: %s", set, c.ID, c.Category, c.Text, v.Intent, v.Said, strings.Join(v.Fails, "; ")))
				}
				byCat[c.Category] = n
			}
			cats := make([]string, 0, len(byCat))
			for k := range byCat {
				cats = append(cats, k)
			}
			slices.Sort(cats)
			var parts []string
			for _, k := range cats {
				parts = append(parts, fmt.Sprintf("%s %d/%d", k, byCat[k][0], byCat[k][1]))
			}
			t.Logf("%s (%s): %d/%d handled well (%.1f%%); %s", set, path, good, len(cases), pct(good, len(cases)), strings.Join(parts, ", "))
			floor, ok := talkFloor[set]
			if !ok {
				floor = len(cases)
			}
			if *blindReport || (path == "console" && good < floor) || (path == "device" && len(failed) > 0) {
				for _, f := range failed {
					if *blindReport {
						t.Log(f)
					} else {
						t.Error(f)
					}
				}
			}
		}
	}
}

// TestJudgeTalk: the judge fails an emergency number where none belongs,
// and lets "say that again" say again the emergency answer just given.
func TestJudgeTalk(t *testing.T) {
	const call = "Please call 911 now. Don't wait."
	tests := []struct {
		cat, said, prev string
		fail            bool
	}{
		{"repeat", call, call, false},
		{"what", "Okay, once more. " + call, call, false},
		{"repeat", call, "Night aches in your legs.", true},
		{"thanks", "You're welcome. " + call, call, true},
	}
	for _, tt := range tests {
		fails := judgeTalk(talkCase{ID: "j", Category: tt.cat}, tt.said, tt.prev, "", true, nil)
		if got := slices.Contains(fails, "emergency number"); got != tt.fail {
			t.Errorf("%s: %q after %q: emergency failure %v, want %v (%v)", tt.cat, tt.said, tt.prev, got, tt.fail, fails)
		}
	}
}

func TestHasWord(t *testing.T) {
	tests := []struct {
		said, w string
		want    bool
	}{
		{"Neuropathy is damage to the nerves.", "nerve", true},
		{"Varicose veins are swollen.", "vein", true},
		{"Ask a pharmacist.", "pharmacist", true},
		{"Nervous system.", "nerve", false},
		{"Unwelcome.", "welcome", false},
	}
	for _, tt := range tests {
		if got := hasWord(tt.said, tt.w); got != tt.want {
			t.Errorf("hasWord(%q, %q) = %v, want %v", tt.said, tt.w, got, tt.want)
		}
	}
}
