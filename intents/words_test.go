package intents

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/transcript"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestAnswerWords checks that every content text, and every answer any
// transcript produces, is at most content.MaxWords spoken words.
func TestAnswerWords(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range lib.IDs() {
		tx := lib.Get(id)
		if n := alexa.CountWords(strings.Join(append(tx.Say[:len(tx.Say):len(tx.Say)], tx.Ask), " ")); n > content.MaxWords {
			t.Errorf("content %s: %d spoken words", id, n)
		}
	}
	files, err := transcript.Files("testdata/transcripts")
	if err != nil {
		t.Fatal(err)
	}
	newSkill := transcriptSkill(t)
	var over []string
	answers := 0
	for _, file := range files {
		s, err := transcript.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, heard := range transcript.Answers(s, newSkill) {
			answers++
			if n := alexa.CountWords(heard); n > content.MaxWords {
				over = append(over, fmt.Sprintf("%s turn %d: %d words: %q", filepath.Base(file), i+1, n, heard))
			}
		}
	}
	t.Logf("%d of %d transcript answers are over %d words", len(over), answers, content.MaxWords)
	for _, o := range over {
		t.Log(o)
	}
	if len(over) > 0 {
		t.Errorf("%d transcript answers over %d words; none may be (issue 11: at most 40 everywhere)", len(over), content.MaxWords)
	}
}

// TestTopicFirstLineFits checks that every talk topic's answer can be cut
// to fit: its first line, triage's "see a doctor in the next few days"
// words and "Want the rest?" together stay within content.MaxWords. A
// longer first line is said whole (sayPart never cuts inside a line), and
// the answer runs over.
func TestTopicFirstLineFits(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	extra := lib.Get("triage.soon.doctor").Words() + alexa.CountWords(lib.Get(questionRest).Ask)
	for name, tp := range talk.Topics {
		tx := lib.Get(tp.Text)
		if len(tx.Say) < 2 {
			if n := alexa.CountWords(strings.Join(tx.Say, " ")); n+lib.Get("triage.soon.doctor").Words() > content.MaxWords {
				t.Errorf("topic %s: %s is one line of %d words: with triage's soon words it runs over %d; split it", name, tp.Text, n, content.MaxWords)
			}
			continue
		}
		if n := alexa.CountWords(tx.Say[0]); n+extra > content.MaxWords {
			t.Errorf("topic %s: %s's first line is %d words; with triage's soon words and the rest question it runs over %d", name, tp.Text, n, content.MaxWords)
		}
	}
}

// TestWhyFirstLineFits: "why is it worse at night" is answered by a
// conversation's own why text, and told with a sign for a doctor
// ("every night") triage adds its line; fit says the first line that
// fits beside it and asks "Want the rest?". A first line too long for
// that left an answer of triage's line and the question alone.
func TestWhyFirstLineFits(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	extra := lib.Get("triage.soon.doctor").Words() + alexa.CountWords(lib.Get(questionRest).Ask)
	for _, id := range lib.IDs() {
		if !strings.HasSuffix(id, ".why") || len(lib.Get(id).Say) == 0 {
			continue
		}
		if n := alexa.CountWords(lib.Get(id).Say[0]); n+extra > content.MaxWords {
			t.Errorf("%s's first line is %d words; with triage's soon words and the rest question it runs over %d", id, n, content.MaxWords)
		}
	}
}

// TestCauseAnswersLeaveRoomForCheck: a topic's answer, told beside what
// raises the chance of a clot, offers the warning-sign check in place of
// its routine (topicOffer), and the offer is only made when it fits; so
// every topic's answer must leave room for it ("I had knee surgery last
// week, can I take ibuprofen for the ache in my calf" too).
func TestCauseAnswersLeaveRoomForCheck(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	check := alexa.CountWords(lib.Get(questionCheck).Ask)
	for name, tp := range talk.Topics {
		n := 0
		for _, l := range lib.Get(tp.Text).Say {
			n += alexa.CountWords(l)
		}
		if n+check > content.MaxWords {
			t.Errorf("topic %s: %s is %d words; with the check offer (%d) it runs over %d", name, tp.Text, n, check, content.MaxWords)
		}
	}
}

// TestCheckAfterFacts: talk.yaml's check_after names triage facts, so a
// misspelt one cannot silently leave a clot risk without the check.
func TestCheckAfterFacts(t *testing.T) {
	if len(talk.CheckAfter) == 0 {
		t.Fatal("check_after is empty")
	}
	for _, f := range talk.CheckAfter {
		if !triage.Known(f) {
			t.Errorf("check_after: %q is not a triage fact", f)
		}
	}
}

// TestTopicKinds: every topic talk.yaml's kinds name is a topic with an
// answer, so a misspelt ID cannot silently drop a topic from its kind.
func TestTopicKinds(t *testing.T) {
	k := talk.Kinds
	for kind, ids := range map[string][]string{"medicines": k.Medicines, "conditions": k.Conditions, "drinks": k.Drinks,
		"doctor": k.Doctor, "cramp_causes": k.CrampCauses, "never_instead": k.NeverInstead} {
		if len(ids) == 0 {
			t.Errorf("kinds.%s is empty", kind)
		}
		for _, id := range ids {
			if talk.Topics[id].Text == "" {
				t.Errorf("kinds.%s: %q is not a topic of talk.yaml", kind, id)
			}
		}
	}
}

// TestSportsAreOveruse: talk.yaml's sports name what overuse's
// TalkTopic words hold, so a sport the model names is one topicFrom can
// set aside; a word in one list and not the other would drift.
func TestSportsAreOveruse(t *testing.T) {
	inOveruse := map[string]bool{}
	for phrase, id := range topicWords {
		if id == "overuse" {
			for _, w := range strings.Fields(phrase) {
				inOveruse[w] = true
			}
		}
	}
	for _, w := range talk.Words.Sports {
		if !inOveruse[w] {
			t.Errorf("sport %q is in no overuse TalkTopic value", w)
		}
	}
}

// TestPeopleNounsEndCauses: peopleGet reads a people noun as the last
// word of the cause found, so each of talk.yaml's people_nouns must end
// some TalkTopic value; one that ends none would never be read.
func TestPeopleNounsEndCauses(t *testing.T) {
	ends := map[string]bool{}
	for phrase := range topicWords {
		if ws := strings.Fields(phrase); len(ws) > 0 {
			ends[ws[len(ws)-1]] = true
		}
	}
	for _, w := range talk.Words.PeopleNouns {
		if !ends[w] {
			t.Errorf("people noun %q ends no TalkTopic value", w)
		}
	}
}

// TestCauseAnswersOffer: every answer to a question about a cause (issue
// 16.1, coverage.yaml's asked) ends on an offer, a routine or the
// warning-sign check, and has room for it: the general answer to why the
// night offers talk.yaml's night_offer, a cause's topic its own.
func TestCauseAnswersOffer(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	offerWords := func(offer string) int {
		if offer == offerCheck {
			return alexa.CountWords(lib.Get(questionCheck).Ask)
		}
		rt, ok := routines.Get(offer)
		if !ok {
			return -1
		}
		return alexa.CountWords(routineOffer(rt.Name))
	}
	offers := map[string]string{}
	for _, tp := range talk.Topics {
		offers[tp.Text] = tp.Offer
	}
	asked := readCoverage(t).Asked
	for _, id := range lib.IDs() {
		// Why the night, general or a conversation's own (hip.why),
		// offers the night's routine when no question waits
		// (answerWith).
		if strings.HasSuffix(id, ".why") {
			offers[id] = talk.NightOffer
			if !slices.Contains(asked["night_worse"], id) {
				asked["night_worse"] = append(asked["night_worse"], id)
			}
		}
	}
	for cause, texts := range asked {
		for _, id := range texts {
			offer, ok := offers[id]
			if !ok {
				// A conversation's answer that is no cause's
				// (hip.prevent), said with its question waiting.
				continue
			}
			n := 0
			for _, l := range lib.Get(id).Say {
				n += alexa.CountWords(l)
			}
			switch w := offerWords(offer); {
			case offer == "":
				t.Errorf("cause %s: %s makes no offer", cause, id)
			case w < 0:
				t.Errorf("cause %s: %s offers %q, no routine", cause, id, offer)
			case n+w > content.MaxWords:
				t.Errorf("cause %s: %s is %d words; with its offer (%d) it runs over %d", cause, id, n, w, content.MaxWords)
			}
		}
	}
}
