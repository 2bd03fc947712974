// Package intents holds Night Legs' conversations, one file per topic. Each
// is a small handler that reads the turn's context, returns what to say and
// at most one follow-up question, and updates the context in place.
//
// What is said lives in package content; which symptoms are warning signs
// lives in package triage. New is the one place a conversation is
// registered.
package intents

import (
	"sync"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// answerFunc continues a topic's conversation when the listener answers the
// question it asked (answer is session.Yes, session.No or session.Unknown).
type answerFunc func(t *router.Turn, question, answer string) (router.Reply, error)

// set is the conversations with what they share.
type set struct {
	lib *content.Library
	// answers maps a topic to the function that takes answers to its
	// questions, so a bare "yes" reaches the conversation that asked.
	answers map[string]answerFunc
	// questions maps a question that may be asked in the middle of any
	// conversation (memory's consent and forget confirmation) to the
	// function that takes its answers, whatever the topic.
	questions map[string]answerFunc
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

// New returns a router with every conversation registered.
func New(lib *content.Library) *router.Router {
	s := &set{lib: lib, answers: map[string]answerFunc{}, questions: map[string]answerFunc{}}
	s.lines = sync.OnceValue(func() lineIndex { return indexLines(lib) })
	r := router.New(router.HandlerFunc(s.fallback))
	s.registerBuiltins(r)
	s.registerRedFlags(r)
	s.registerCramps(r)
	s.registerAches(r)
	s.registerQuestions(r)
	s.registerSomeone(r)
	s.registerVoice(r)
	s.registerMemory(r)
	s.registerRestless(r)
	s.registerHip(r)
	s.registerNerve(r)
	s.registerCirculation(r)
	s.registerJoint(r)
	s.registerRoutines(r)
	s.registerTalk(r)
	s.keepRoutine(r)
	s.recordLast(r)
	return r
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
func begin(t *router.Turn, topic string) {
	noteEpisode(t, topic)
	if t.State.Topic != topic {
		t.State.Topic = topic
		t.State.Step = ""
	}
	if t.State.Started.IsZero() {
		t.State.Started = t.Now
	}
}

// night returns tonight's record for a topic. Nights run noon to noon, so a
// cramp at 3 a.m. belongs to the evening before.
func night(t *router.Turn, topic, outcome string) *session.Night {
	d := t.Now.Add(-12 * 60 * 60 * 1e9).Format("2006-01-02")
	return &session.Night{Date: d, Topic: topic, Level: t.State.Level, Outcome: outcome, Count: 1}
}
