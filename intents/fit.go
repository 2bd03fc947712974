package intents

import (
	"strconv"
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// fit keeps every answer within content.MaxWords (issue 11): someone half
// asleep takes in a few sentences, not a page. It runs last, after triage
// has added its words, so it sees the answer as it will be said.
//
// A longer answer says the lines that fit and asks "Want the rest?",
// keeping the rest's content lines (never the words) and the question it
// held back; a yes says them (restAnswer). Triage's lines always stay in
// what is said. A screening question whose yes would call for care today
// or an ambulance is never held back, so an answer asking one says the
// lines that fit and leaves out the rest (trim); one that would only call
// for a doctor in the next few days ("most nights?") waits a turn behind
// "Want the rest?". Answers triage ended (urgent, emergency) are never
// cut: their texts are written to fit (internal/triage, TestAnswersFit).
// Words that are no content line (a count of nights) cannot be kept for
// later, so they are said now, as triage's lines are; in a routine, whose
// steps are such words, the answer is left whole, and TestAnswerWords
// counts it.
func (s *set) fit(t *router.Turn, r router.Reply) router.Reply {
	if r.Plain || r.Speech == nil || triage.AtLeast(t.State.Level, triage.Urgent) {
		return r
	}
	n := r.Speech.Words()
	q := alexa.CountWords(r.Question)
	if n+q <= content.MaxWords {
		return r
	}
	lines, whole := s.linesOf(t, r.Speech)
	if !whole && t.State.Routine != nil || len(lines) < 2 {
		return r
	}
	if r.Question != "" && !canWait(t.State.Pending) {
		return s.trim(t, r, lines)
	}
	was := t.State.Pending
	if held := t.State.Answer(answerHeld); was == questionHold && canWait(held) {
		// The question already held behind "Shall we carry on?" (resume)
		// is the one to keep: this cut holds it instead, and asks it
		// itself after the rest. A screening question stays behind
		// "Shall we carry on?", asked on a yes, as resume left it.
		was = held
	}
	if was == questionRest {
		// The answer said again ("say that again" at "Want the rest?"):
		// the question held back is still the one kept before.
		was = t.State.Answer(answerRestWas)
	}
	ask := words(t, s.lib.Get(questionRest).Ask)
	room := content.MaxWords - alexa.CountWords(ask)
	kept := 0 // words of the lines that stay said: triage's, and words no content line holds
	for _, l := range lines {
		if staysSaid(l) {
			kept += alexa.CountWords(lineWords(t, l))
		}
	}
	// The lines said: the first, then each that fits, until one does
	// not; at least one line is kept for later, or "Want the rest?"
	// would only make the answer longer.
	last := -1
	for i, l := range lines {
		if !staysSaid(l) {
			last = i
		}
	}
	keep := make([]bool, len(lines))
	said := 0
	for i, l := range lines {
		w := alexa.CountWords(lineWords(t, l))
		fits := said+kept+w <= room
		switch {
		case staysSaid(l):
			keep[i] = true
		case said == 0 && (kept == 0 || fits) || (i != last && fits):
			// The first line is said even when it does not fit, unless
			// triage's lines already say something: then it waits
			// behind "Want the rest?" too.
			keep[i] = true
			said += w
		}
		if !keep[i] && !staysSaid(l) {
			break
		}
	}
	b := &alexa.SSML{}
	var rest []string
	for i, l := range lines {
		switch {
		case keep[i]:
			b.Say(lineWords(t, l))
		case staysSaid(l):
			// A line that stays said, after the cut, is said now all the same.
			b.Say(lineWords(t, l))
		default:
			rest = append(rest, l.ID+"#"+strconv.Itoa(l.Line))
		}
	}
	if len(rest) == 0 {
		return r
	}
	r.Speech = b
	if r.End {
		was = restEnd
	}
	t.State.SetAnswer(answerRest, strings.Join(rest, ","))
	t.State.SetAnswer(answerRestWas, was)
	t.State.Pending = questionRest
	r.Question = ask
	// An answer that would have ended the session waits for the yes.
	r.End = false
	return r
}

// canWait reports whether the question pending may wait a turn behind
// "Want the rest?": any but a screening question whose yes or no is
// urgent or an emergency. A question already held behind "Shall we carry
// on?" (resume) waits as it was.
func canWait(pending string) bool {
	id, ok := strings.CutPrefix(pending, dialog.TriagePrefix)
	if !ok {
		return true
	}
	q, ok := triage.Lookup(id)
	return ok && !triage.AtLeast(triage.Evaluate(q.Yes.Sets).Level, triage.Urgent) &&
		!triage.AtLeast(triage.Evaluate(q.No.Sets).Level, triage.Urgent)
}

// alwaysSaid are the texts that name when to call the emergency number:
// a no to "Want the rest?" still says them.
var alwaysSaid = []string{"questions.doctor.now"}

// restEnd is kept as the question a cut answer held back when the answer
// would have ended the session: the rest, or a no, ends it.
const restEnd = "end"

// staysSaid reports whether a line is always said when an answer is cut:
// triage's own, or words that are no content line.
func staysSaid(l lineRef) bool { return l.free() || fromTriage(l.ID) }

// lineWords is a line's words as said.
func lineWords(t *router.Turn, l lineRef) string {
	if l.free() {
		return l.Raw
	}
	return words(t, l.Raw)
}

// fromTriage reports whether a content text is triage's own (its soon
// words and why), which a cut answer always keeps.
func fromTriage(id string) bool { return strings.HasPrefix(id, "triage.") }

// trim fits an answer whose screening question cannot wait: the first
// line (unless triage's lines are said), triage's lines and each later
// line that fits are said, and the others are left out rather than held
// behind "Want the rest?", which would put the question off. They are
// self-care a later turn ("what else", "I already tried that") brings
// again.
func (s *set) trim(t *router.Turn, r router.Reply, lines []lineRef) router.Reply {
	room, stays := content.MaxWords-alexa.CountWords(r.Question), false
	for _, l := range lines {
		if staysSaid(l) {
			room -= alexa.CountWords(lineWords(t, l))
			stays = true
		}
	}
	b := &alexa.SSML{}
	said, cut := 0, false
	for _, l := range lines {
		w := alexa.CountWords(lineWords(t, l))
		switch {
		case staysSaid(l):
		case said == 0 && !stays || said+w <= room:
			said += w
		default:
			// A shorter line after it may still fit.
			cut = true
			continue
		}
		b.Say(lineWords(t, l))
	}
	if !cut {
		return r
	}
	r.Speech = b
	return r
}
