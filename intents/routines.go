package intents

import (
	"slices"
	"time"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/routine"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Guided stretch routines (issue 6), followed by ear alone. A routine
// starts by name ("guide me through the calf stretch", "start the before bed
// routine", "stretch with me") or with a yes to another conversation's
// offer. Each reply says one step, counts its hold out loud in the speech
// and asks "Shall we carry on?". The first turn of a routine says what it
// is, its safety line and the controls, and asks "Ready?": a yes, "next"
// or "I'm ready" says the first step (each turn stays within 40 words).
// The built-in controls move through it
// (next, go back, repeat, pause, resume, start over); "slower" and "faster"
// lengthen or shorten the holds; "which step am I on?" says where; "stop"
// ends it with a card for the morning. What is said is data: the steps in
// internal/routine, the sentences around them in the content library.
//
// The position is Context.Routine, which the pipeline saves every turn.
// When the session closes mid-routine, "open night legs" asks to carry on,
// and a control said in a new session ("Alexa, tell Night Legs next") picks
// the routine up as well. A routine never changes the conversation's topic,
// so "why does this happen?" mid-routine still answers about the cramp that
// led to it. Whatever brings a step back after a break (resume, carrying on
// in a later session) starts that step again from its instruction: a
// barge-in can cut a hold anywhere, and a stretch done twice does no harm.
//
// Once triage has reached urgent or emergency, no routine is started,
// offered or carried on: triage clears the position when it escalates, and
// these handlers clear it too should a turn arrive with the level already
// raised.
//
// # Offering a routine from another conversation
//
//	return s.offerRoutine(t, "calf-lying", "cramp.prevent"), nil
//
// says the given content texts, then asks "Want me to guide you through
// it?" (any question of those texts gives way to the offer). A yes starts
// the routine; a no or "not sure" says goodbye and ends the session, so
// offer at the end of a conversation. Routine IDs are those of
// internal/routine/data/routines.yaml: calf-lying, calf-standing,
// hamstring, hip-flexor, figure-four, knee-to-chest, ankle-pumps,
// before-bed. TestOfferedRoutinesExist checks every call.
const (
	IntentStartRoutine = "StartRoutineIntent"
	IntentSlower       = "RoutineSlowerIntent"
	IntentFaster       = "RoutineFasterIntent"
	IntentWhichStep    = "RoutineWhichStepIntent"
	IntentNext         = alexa.IntentNext
	IntentPrevious     = alexa.IntentPrevious
	IntentRepeat       = alexa.IntentRepeat
	IntentPause        = alexa.IntentPause
	IntentResume       = alexa.IntentResume
	IntentStartOver    = alexa.IntentStartOver

	// slotRoutine is StartRoutineIntent's RoutineName slot; its value IDs
	// are routine IDs.
	slotRoutine = "routine"
	// routineDefault is started when no routine is named: it strings the
	// prevention stretches together.
	routineDefault = "before-bed"
	// answerOffered, in Context.Answers, is the routine an offer is about.
	answerOffered = "routine.offered"
	// questionReady asks whether to start the first step, after the
	// routine's intro.
	questionReady = "routine.ready"
	// questionOffer offers a routine (answerOffered) after an answer.
	questionOffer = "routine.offer"
)

// routines is every routine, checked by the routine package's tests.
var routines = routine.MustDefault()

// routineFunc is a control applied to the routine under way.
type routineFunc func(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply

func (s *set) registerRoutines(r *router.Router) {
	r.IntentFunc(IntentStartRoutine, s.startRoutine)
	r.IntentFunc(IntentNext, s.routineControl(s.nextRoutineStep))
	r.IntentFunc(IntentPrevious, s.routineControl(s.previousRoutineStep))
	r.IntentFunc(IntentRepeat, s.repeatRoutineControl)
	r.IntentFunc(IntentPause, s.routineControl(s.pauseRoutine))
	r.IntentFunc(IntentResume, s.routineControl(s.resumeRoutineStep))
	r.IntentFunc(IntentStartOver, s.routineControl(s.startRoutineOver))
	r.IntentFunc(IntentSlower, s.routineControl(s.slowerHolds))
	r.IntentFunc(IntentFaster, s.routineControl(s.fasterHolds))
	r.IntentFunc(IntentWhichStep, s.routineControl(s.whichStep))
	// The routine's questions are answered whatever the topic: a routine
	// runs beside the conversation that led to it.
	for _, q := range []string{questionReady, "routine.continue", "routine.last", "routine.resume", "routine.paused"} {
		s.questions[q] = s.routineAnswer
	}
	s.questions[questionOffer] = s.offerAnswer
	s.questions["routine.choose"] = s.chooseAnswer
}

// offerRoutine says the content texts in said, then offers to guide the
// listener through routine id; see the comment at the top of this file.
func (s *set) offerRoutine(t *router.Turn, id string, said ...string) router.Reply {
	r := s.reply(t, said...)
	if _, ok := routines.Get(id); !ok || triage.AtLeast(t.State.Level, triage.Urgent) {
		return r
	}
	t.State.SetAnswer(answerOffered, id)
	t.State.Pending = questionOffer
	r.Question = s.questionText(t, questionOffer)
	r.End = false
	return r
}

func (s *set) offerAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	if a == session.Yes {
		return s.beginRoutine(t, t.State.Answer(answerOffered)), nil
	}
	return s.routineBye(t), nil
}

func (s *set) chooseAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	if a == session.Yes {
		return s.beginRoutine(t, routineDefault), nil
	}
	return s.routineBye(t), nil
}

func (s *set) routineBye(t *router.Turn) router.Reply {
	id := "goodbye"
	if l := t.State.Level; l != "" && l != triage.SelfCare {
		id = "goodbye.care"
	}
	r := s.say(t, id)
	r.End = true
	return r
}

// startRoutine starts the routine named, or the default one when none is;
// a name that is no routine hears the list.
func (s *set) startRoutine(t *router.Turn) (router.Reply, error) {
	v, id := t.SlotID(slotRoutine)
	if _, ok := routines.Get(id); !ok {
		if v != "" {
			return s.reply(t, "routine.choose"), nil
		}
		id = routineDefault
	}
	return s.beginRoutine(t, id), nil
}

// beginRoutine starts routine id from its first step, keeping the pace the
// listener chose for an earlier routine this session.
func (s *set) beginRoutine(t *router.Turn, id string) router.Reply {
	rt, ok := routines.Get(id)
	if !ok {
		rt, _ = routines.Get(routineDefault)
	}
	if careStands(t) {
		t.State.Routine = nil
		r := s.say(t, "routine.notnow")
		r.End = true
		return r
	}
	pos := &session.Routine{ID: rt.ID}
	if old := t.State.Routine; old != nil {
		pos.Pace = old.Pace
	}
	t.State.Routine = pos
	if t.State.Started.IsZero() {
		t.State.Started = t.Now
	}
	return s.readyTurn(t, rt)
}

// readyTurn is a routine's first turn: its intro and controls, then
// "Ready?". The first step follows in its own turn, so that neither turn
// runs past 40 words.
func (s *set) readyTurn(t *router.Turn, rt routine.Routine) router.Reply {
	r := router.Reply{Speech: &alexa.SSML{}}
	for _, line := range append([]string{rt.Intro}, s.routineLines(t, "routine.controls")...) {
		r.Speech.Say(line).Pause(dialog.TextPause)
	}
	t.State.Pending = questionReady
	r.Question = s.questionText(t, questionReady)
	return r
}

// started reports whether the routine's first step has been said: until
// then the routine waits at "Ready?".
func started(pos *session.Routine) bool {
	return pos.Step > 0 || len(pos.Done) > 0
}

// routineControl applies f to the routine under way, picking one up from a recent
// session if this one has none; with none at all, or once triage has said
// to get care, it answers that instead.
func (s *set) routineControl(f routineFunc) func(t *router.Turn) (router.Reply, error) {
	return func(t *router.Turn) (router.Reply, error) {
		rt, pos, r, ok := s.currentRoutine(t)
		if !ok {
			return r, nil
		}
		return f(t, rt, pos), nil
	}
}

// repeatRoutineControl repeats the step, or, with no routine under way, the
// question that is waiting.
func (s *set) repeatRoutineControl(t *router.Turn) (router.Reply, error) {
	if t.State.Routine == nil && t.State.Pending != "" {
		var r router.Reply
		if s.resume(t, &r) {
			return r, nil
		}
	}
	return s.routineControl(s.repeatRoutineStep)(t)
}

// currentRoutine returns the routine under way and the position in it (see
// routineControl). When it returns false, the reply is what to say instead.
func (s *set) currentRoutine(t *router.Turn) (routine.Routine, *session.Routine, router.Reply, bool) {
	if t.State.Routine == nil && t.Resumed != nil && t.Resumed.Routine != nil && !triage.AtLeast(t.Resumed.Level, triage.Urgent) {
		adoptRoutine(t)
	}
	pos := t.State.Routine
	if pos == nil {
		return routine.Routine{}, nil, s.noRoutine(t), false
	}
	rt, ok := routines.Get(pos.ID)
	if !ok || pos.Step < 0 || pos.Step >= len(rt.Steps) {
		// Saved before the routine data changed.
		t.State.Routine = nil
		return routine.Routine{}, nil, s.noRoutine(t), false
	}
	if triage.AtLeast(t.State.Level, triage.Urgent) {
		r := s.say(t, "routine.redflag")
		r.Card = routines.Card(rt, pos.Done, pos.Pace, string(t.State.Level))
		r.End = true
		t.State.Routine = nil
		return routine.Routine{}, nil, r, false
	}
	return rt, pos, router.Reply{}, true
}

// adoptRoutine takes up the routine of the recent session this one follows: the
// whole conversation when this session has none of its own yet, else the
// position only. The next carry-on starts the step again (see the top of
// this file).
func adoptRoutine(t *router.Turn) {
	p := t.Resumed
	if t.State.Empty() {
		c := p.Clone()
		c.Version = t.State.Version
		c.Level = c.Level.Higher(t.State.Level)
		*t.State = *c
	} else {
		pos := *p.Routine
		pos.Done = slices.Clone(p.Routine.Done)
		t.State.Routine = &pos
	}
	t.State.Pending = "routine.resume"
}

// noRoutine answers a control said when no routine is under way: it says
// so, and asks again the question that is waiting, or offers the routines.
// With nothing under way at all, "next" or "start over" is most likely
// something else a device could not place, perhaps a warning sign whose
// words it dropped: the calm fallback answers, with its emergency line
// once a session.
func (s *set) noRoutine(t *router.Turn) router.Reply {
	if nothingUnderWay(t) {
		r, _ := s.calmFallback(t)
		return r
	}
	if t.State.Pending != "" {
		r := router.Reply{Speech: s.speech(t, "routine.none")}
		if s.resume(t, &r) {
			return r
		}
	}
	return s.reply(t, "routine.none", "routine.choose")
}

// resumeRoutine, at launch, offers to carry on with a routine an earlier
// session left unfinished: "You were on step three of the calf stretch.
// Shall we carry on?" It reports false when there is none.
func (s *set) resumeRoutine(t *router.Turn) (router.Reply, bool) {
	rt, ok := leftRoutine(t)
	if !ok {
		return router.Reply{}, false
	}
	adoptRoutine(t)
	r := router.Reply{Speech: (&alexa.SSML{}).Say(routines.Phrase("resume", rt, t.State.Routine.Step))}
	r.Question = s.questionText(t, "routine.resume")
	return r, true
}

// deliverStep says step i and waits for the listener: the lines in lead first
// (an intro, say), then the step with its hold counted out, then the
// question. A device with a screen shows the step and counts the hold down.
func (s *set) deliverStep(t *router.Turn, rt routine.Routine, pos *session.Routine, i int, lead ...string) router.Reply {
	pos.Step, pos.Paused = i, false
	if !slices.Contains(pos.Done, i) {
		pos.Done = append(pos.Done, i)
		slices.Sort(pos.Done)
	}
	r := router.Reply{Speech: &alexa.SSML{}}
	var before time.Duration
	for _, line := range lead {
		r.Speech.Say(line).Pause(dialog.TextPause)
		before += routine.Talk(line) + dialog.TextPause
	}
	routines.Speak(r.Speech, rt.Steps[i], pos.Pace)
	q := "routine.continue"
	if i == len(rt.Steps)-1 {
		q = "routine.last"
	}
	t.State.Pending = q
	r.Question = s.questionText(t, q)
	if t.ShowsAPL(routine.APLVersion) {
		r.Directives = append(r.Directives, routines.Screen(rt, i, pos.Pace, before))
	}
	return r
}

// routineLines are the spoken lines of content texts, for whom the conversation
// is about.
func (s *set) routineLines(t *router.Turn, ids ...string) []string {
	var out []string
	for _, id := range ids {
		for _, l := range s.lib.Get(id).Say {
			out = append(out, words(t, l))
		}
	}
	return out
}

func (s *set) nextRoutineStep(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	if !started(pos) {
		return s.deliverStep(t, rt, pos, 0)
	}
	if pos.Step+1 >= len(rt.Steps) {
		return s.finishRoutine(t, rt, pos)
	}
	return s.deliverStep(t, rt, pos, pos.Step+1)
}

func (s *set) previousRoutineStep(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	if !started(pos) {
		return s.deliverStep(t, rt, pos, 0)
	}
	if pos.Step == 0 {
		return s.deliverStep(t, rt, pos, 0, s.routineLines(t, "routine.first")...)
	}
	return s.deliverStep(t, rt, pos, pos.Step-1)
}

func (s *set) repeatRoutineStep(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	if !started(pos) && !pos.Paused {
		return s.readyTurn(t, rt)
	}
	return s.deliverStep(t, rt, pos, pos.Step)
}

// startRoutineOver goes back to the first step. The steps done so far stay
// done: the card tells what the listener did tonight.
func (s *set) startRoutineOver(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	return s.deliverStep(t, rt, pos, 0)
}

// pauseRoutine waits, the session open, for "carry on"; when the session
// closes meanwhile, "open night legs" picks the routine up.
func (s *set) pauseRoutine(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	pos.Paused = true
	return s.say(t, "routine.paused")
}

// resumeRoutineStep is "resume", "carry on": after a pause or a break it
// starts the step again; at the question after a step it goes on, as a
// yes would.
func (s *set) resumeRoutineStep(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	switch {
	case pos.Paused || t.State.Pending == "routine.resume":
		return s.deliverStep(t, rt, pos, pos.Step)
	case t.State.Pending == "routine.last":
		return s.finishRoutine(t, rt, pos)
	}
	return s.nextRoutineStep(t, rt, pos)
}

func (s *set) slowerHolds(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	p, ok := routines.Slower(pos.Pace)
	pos.Pace = p
	if !ok {
		return s.routineAck(t, pos, "routine.slowest")
	}
	return s.routineAck(t, pos, "routine.slower")
}

func (s *set) fasterHolds(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	p, ok := routines.Faster(pos.Pace)
	pos.Pace = p
	if !ok {
		return s.routineAck(t, pos, "routine.fastest")
	}
	return s.routineAck(t, pos, "routine.faster")
}

func (s *set) whichStep(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	phrase := "where"
	if pos.Paused {
		phrase = "paused"
	}
	r := router.Reply{Speech: (&alexa.SSML{}).Say(routines.Phrase(phrase, rt, pos.Step))}
	s.askRoutine(t, pos, &r)
	return r
}

// routineAck says text id and asks the routine's waiting question again.
func (s *set) routineAck(t *router.Turn, pos *session.Routine, id string) router.Reply {
	r := router.Reply{Speech: s.speech(t, id)}
	s.askRoutine(t, pos, &r)
	return r
}

// askRoutine asks the routine's waiting question again, or, if another
// question has taken its place, whether to carry on.
func (s *set) askRoutine(t *router.Turn, pos *session.Routine, r *router.Reply) {
	if s.resume(t, r) {
		return
	}
	q := "routine.continue"
	switch {
	case pos.Paused:
		q = "routine.paused"
	case !started(pos):
		q = questionReady
	}
	t.State.Pending = q
	r.Question = s.questionText(t, q)
}

// routineAnswer takes the answers to the routine's questions.
func (s *set) routineAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	rt, pos, r, ok := s.currentRoutine(t)
	if !ok {
		return r, nil
	}
	if a == session.Unknown {
		r := router.Reply{Speech: s.speech(t, "routine.wait")}
		t.State.Pending = q
		r.Question = s.questionText(t, q)
		return r, nil
	}
	yes := a == session.Yes
	switch q {
	case questionReady:
		if yes {
			return s.deliverStep(t, rt, pos, 0), nil
		}
		// "No, the back of the thigh, the hamstring bit": not this
		// stretch but the one for the part named.
		if id := stretchFor[partIn(tokens(t.Text), symptom.Read(t.Text))]; id != "" && id != pos.ID {
			return s.beginRoutine(t, id), nil
		}
		// Not yet: paused at the start, until "carry on".
		pos.Paused = true
		r := s.reply(t, "routine.notready")
		t.State.Pending = "routine.paused"
		return r, nil
	case "routine.continue":
		if yes {
			return s.nextRoutineStep(t, rt, pos), nil
		}
		return s.stoppedRoutine(t, rt, pos), nil
	case "routine.last":
		if yes {
			return s.startRoutineOver(t, rt, pos), nil
		}
		return s.finishRoutine(t, rt, pos), nil
	case "routine.paused":
		if yes {
			return s.deliverStep(t, rt, pos, pos.Step), nil
		}
		r := s.say(t, "routine.stay")
		r.End = true
		return r, nil
	default: // "routine.resume"
		if yes {
			return s.deliverStep(t, rt, pos, pos.Step), nil
		}
		r := s.reply(t, "routine.left", "welcome.short")
		r.Question = s.questionText(t, "reprompt.where")
		s.endRoutine(t, rt, pos, &r)
		return r, nil
	}
}

// stopRoutine ends the routine under way, if any, when the listener says
// stop or cancel: a calm goodbye and the card.
func (s *set) stopRoutine(t *router.Turn) (router.Reply, bool) {
	pos := t.State.Routine
	if pos == nil {
		return router.Reply{}, false
	}
	rt, ok := routines.Get(pos.ID)
	if !ok {
		t.State.Routine = nil
		return router.Reply{}, false
	}
	return s.stoppedRoutine(t, rt, pos), true
}

func (s *set) stoppedRoutine(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	r := s.reply(t, s.routineClosing(t, "routine.stopped")...)
	r.End = true
	s.endRoutine(t, rt, pos, &r)
	return r
}

// finishRoutine is the end of the last step: the routine's own last words, then
// goodbye.
func (s *set) finishRoutine(t *router.Turn, rt routine.Routine, pos *session.Routine) router.Reply {
	r := router.Reply{Speech: (&alexa.SSML{}).Say(rt.Outro).Pause(dialog.TextPause)}
	r.Speech.Append(s.reply(t, s.routineClosing(t, "routine.finished")...).Speech)
	r.End = true
	s.endRoutine(t, rt, pos, &r)
	return r
}

// routineClosing adds the care reminder to a closing text once triage has
// advised seeing a doctor.
func (s *set) routineClosing(t *router.Turn, id string) []string {
	if l := t.State.Level; l != "" && l != triage.SelfCare {
		return []string{id, "routine.care"}
	}
	return []string{id}
}

// endRoutine clears the routine and puts the card for the morning on r.
func (s *set) endRoutine(t *router.Turn, rt routine.Routine, pos *session.Routine, r *router.Reply) {
	r.Card = routines.Card(rt, pos.Done, pos.Pace, string(t.State.Level))
	t.State.Routine = nil
}

// leftRoutine is the routine an earlier session left unfinished, when this
// session has none of its own and nothing since has called for care.
func leftRoutine(t *router.Turn) (routine.Routine, bool) {
	p := t.Resumed
	if p == nil || p.Routine == nil || t.State.Routine != nil ||
		triage.AtLeast(p.Level, triage.Urgent) || triage.AtLeast(t.State.Level, triage.Urgent) {
		return routine.Routine{}, false
	}
	rt, ok := routines.Get(p.Routine.ID)
	if !ok || p.Routine.Step < 0 || p.Routine.Step >= len(rt.Steps) {
		return routine.Routine{}, false
	}
	return rt, true
}

// openers are intents that, opening a session, say nothing of their own
// worth more than the offer to carry on with a routine left unfinished: a
// bare yes or no (to what?), a hello, words not caught.
var openers = map[string]bool{
	alexa.IntentYes: true, alexa.IntentNo: true, IntentGreet: true, alexa.IntentFallback: true,
}

// keepRoutine wraps every intent so that a routine an earlier session left
// unfinished survives whatever opens the next one, until the listener
// declines it: an opener (openers) is answered with the offer to carry on,
// as a launch is; anything else is answered as usual, with the routine
// kept, paused, in this session's context (which is saved), and offered
// after the answer when no question waits and it fits in the words left.
// Routine controls pick it up themselves (currentRoutine).
func (s *set) keepRoutine(r *router.Router) {
	for _, name := range r.Intents() {
		h := r.Route(alexa.TypeIntent, name)
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) {
			if _, ok := leftRoutine(t); !ok || !t.NewSession {
				return h.Handle(t)
			}
			if openers[name] {
				if reply, ok := s.resumeRoutine(t); ok {
					return reply, nil
				}
			}
			reply, err := h.Handle(t)
			rt, ok := leftRoutine(t)
			if err != nil || !ok {
				return reply, err
			}
			pos := *t.Resumed.Routine
			pos.Done = slices.Clone(pos.Done)
			pos.Paused = true
			t.State.Routine = &pos
			if reply.End || reply.Question != "" || t.State.Pending != "" {
				return reply, nil
			}
			offer := routines.Phrase("resume", rt, pos.Step)
			ask := s.questionText(t, "routine.resume")
			if reply.Speech == nil {
				reply.Speech = &alexa.SSML{}
			}
			if reply.Speech.Words()+alexa.CountWords(offer)+alexa.CountWords(ask) <= s.room(t) {
				reply.Speech.Pause(dialog.TextPause).Say(offer)
				reply.Question = ask
				t.State.Pending = "routine.resume"
			}
			return reply, nil
		})
	}
}

// nothingUnderWay reports whether the turn opens a session with nothing
// under way: no topic, no question waiting, no routine. A one-shot
// "ask Night Legs ..." that a device sent to a built-in intent is such a
// turn; a control said after the welcome is not.
func nothingUnderWay(t *router.Turn) bool {
	opens := t.Request != nil && t.Request.Session != nil && t.Request.Session.New
	return opens && t.State.Topic == "" && t.State.Pending == "" && t.State.Routine == nil
}
