package intents

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// The set is the topics' dialog.Kit: what a topic's conversation needs of
// the whole skill (the content, who it is about, memory, routines). Each
// method is the one the conversations of this package use.
var _ dialog.Kit = (*set)(nil)

// Say is dialog.Kit's Say (say).
func (s *set) Say(t *router.Turn, ids ...string) router.Reply { return s.say(t, ids...) }

// Reply is dialog.Kit's Reply (reply).
func (s *set) Reply(t *router.Turn, ids ...string) router.Reply { return s.reply(t, ids...) }

// Speech is dialog.Kit's Speech (speech).
func (s *set) Speech(t *router.Turn, ids ...string) *alexa.SSML { return s.speech(t, ids...) }

// OfferRoutine is dialog.Kit's OfferRoutine (offerRoutine).
func (s *set) OfferRoutine(t *router.Turn, id string, said ...string) router.Reply {
	return s.offerRoutine(t, id, said...)
}

// Fallback is dialog.Kit's Fallback (fallback).
func (s *set) Fallback(t *router.Turn) (router.Reply, error) { return s.fallback(t) }

// Begin is dialog.Kit's Begin (begin).
func (s *set) Begin(t *router.Turn, topic session.Topic) { begin(t, topic) }

// Answers is dialog.Kit's Answers.
func (s *set) Answers(topic session.Topic, f dialog.AnswerFunc) { s.answers[topic] = f }

// Screens is dialog.Kit's Screens (screens.yaml and the topics' topic.yaml).
func (s *set) Screens(topic session.Topic) []string { return screens.Screens[topic] }

// Unsure is dialog.Kit's Unsure (screens.yaml).
func (s *set) Unsure(q string) string { return screens.Unsure[q] }

// conv is the toolkit for this package's own conversations.
func (s *set) conv() dialog.Conv { return dialog.Conv{Kit: s} }
