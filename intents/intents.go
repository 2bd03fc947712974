// Package intents holds Night Legs' conversations. Each is a small handler
// that reads the turn's context, returns what to say and at most one
// follow-up question, and updates the context in place.
//
// A complaint topic (a cramp, restless legs, hip pain...) is a folder of its
// own, intents/<topic>/: its conversation as a package written with the
// toolkit in package dialog, its texts, its model samples and its hooks
// (topic.yaml). The conversations that are not topics (the built-ins,
// voice, memory, small talk, routines, someone else's legs, questions, the
// opening that reads warning signs) are files of this package, which lends
// the topics what they share (kit.go). New is the one place a conversation
// is registered; topics lists the topic folders.
package intents

import (
	"sync"

	"github.com/nightlegs/nightlegs/intents/aches"
	"github.com/nightlegs/nightlegs/intents/circulation"
	"github.com/nightlegs/nightlegs/intents/cramp"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/intents/exercise"
	"github.com/nightlegs/nightlegs/intents/hip"
	"github.com/nightlegs/nightlegs/intents/joint"
	"github.com/nightlegs/nightlegs/intents/nerve"
	"github.com/nightlegs/nightlegs/intents/restless"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// set is the conversations with what they share.
type set struct {
	lib *content.Library
	// answers maps a topic to the function that takes answers to its
	// questions, so a bare "yes" reaches the conversation that asked.
	answers map[session.Topic]dialog.AnswerFunc
	// questions maps a question that may be asked in the middle of any
	// conversation (memory's consent and forget confirmation) to the
	// function that takes its answers, whatever the topic.
	questions map[string]dialog.AnswerFunc
	// lines indexes the library's lines when first needed (last.go).
	lines func() lineIndex
}

// The data of the conversations (memory.yaml, people.yaml, redflags.yaml,
// screens.yaml) is declared in data_gen.go as the variables memory, people,
// routes and screens: the loaders' results, written out as Go by go
// generate (see internal/golit), so that start-up parses nothing.
// TestGenerated fails when they no longer match the YAML.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// decoder decodes a YAML document into v, refusing fields v has not
// (golit.Decode).
type decoder func(b []byte, v any) error

// topics are the topic folders' conversations, intents/<topic>/: adding a
// topic adds its Register here.
var topics = []func(dialog.Kit, *router.Router){
	cramp.Register,
	aches.Register,
	restless.Register,
	hip.Register,
	nerve.Register,
	circulation.Register,
	joint.Register,
	exercise.Register,
}

// newSet returns the conversations' shared state for lib.
func newSet(lib *content.Library) *set {
	s := &set{lib: lib, answers: map[session.Topic]dialog.AnswerFunc{}, questions: map[string]dialog.AnswerFunc{}}
	s.lines = sync.OnceValue(func() lineIndex { return indexLines(lib) })
	return s
}

// New returns a router with every conversation registered.
func New(lib *content.Library) *router.Router {
	r, _ := build(lib)
	return r
}

// build makes the router and the set of conversations behind it, whose
// fit the skill runs last on every answer.
func build(lib *content.Library) (*router.Router, *set) {
	s := newSet(lib)
	r := router.New(router.HandlerFunc(s.fallback))
	s.registerBuiltins(r)
	s.registerRedFlags(r)
	for _, register := range topics {
		register(s, r)
	}
	s.registerQuestions(r)
	s.registerSomeone(r)
	s.registerVoice(r)
	s.registerMemory(r)
	s.registerRoutines(r)
	s.registerTalk(r)
	s.keepRoutine(r)
	s.recordLast(r)
	s.recordTold(r)
	s.careFirst(r)
	return r, s
}

// say builds a reply from content texts, in order, spoken about whom the
// conversation is about (see words). The last text's question,
// if any, becomes the reply's question and the turn's pending question.
func (s *set) say(t *router.Turn, ids ...string) router.Reply {
	r := router.Reply{Speech: &alexa.SSML{}}
	for _, id := range ids {
		txt := s.lib.Get(id)
		for _, line := range txt.Say {
			r.Speech.Say(words(t, line))
		}
		if txt.Ask != "" {
			r.Question = words(t, txt.Ask)
			t.State.Pending = id
		}
	}
	if r.Question == "" {
		t.State.Pending = ""
	}
	return r
}

// answer records the listener's answer to the pending question and passes it
// to the topic that asked. It reports false when no question is pending.
func (s *set) answer(t *router.Turn, answer string) (router.Reply, bool, error) {
	q := t.State.Pending
	f, ok := s.questions[q]
	if !ok {
		f, ok = s.answers[t.State.Topic]
	}
	if q == "" || !ok {
		return router.Reply{}, false, nil
	}
	t.State.SetAnswer(q, answer)
	t.State.Pending = ""
	r, err := f(t, q, answer)
	if err == nil {
		// Conversations end on answers: the night they record is
		// memory's to keep, or to ask about (memory.go).
		s.remember(t, &r)
	}
	return r, true, err
}

// begin starts a topic's conversation, keeping what the session already
// learned (facts, level, answers, who it is about).
func begin(t *router.Turn, topic session.Topic) {
	noteEpisode(t, topic)
	if part := partNamed(t); part != "" {
		t.State.SetAnswer(answerPartSaid, part)
	}
	if t.State.Topic != topic {
		t.State.Topic = topic
		t.State.Step = ""
	}
	if t.State.Started.IsZero() {
		t.State.Started = t.Now
	}
}
