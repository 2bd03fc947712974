// Package aches is the conversation about general aches and soreness at
// night: tired or overworked muscles, long sitting or standing, too little
// water, stress, age and hormones, the way one lies. It gives relief at
// once, screens for warning signs with triage's questions, then narrows down
// the likely reason one yes-or-no question at a time and says what to try.
package aches

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"slices"

	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "aches"
	Intent string        = "AchesIntent"
)

// Conversation is the aches conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the aches conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the aches conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// Open opens with what helps tonight, then triage's screening questions.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.screen(t, []string{"aches.intro"})
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

// screen asks the next screening question still to be asked; when all
// are answered, it goes on to find the likely reason.
func (c *Conversation) screen(t *router.Turn, said []string) (router.Reply, error) {
	for _, q := range c.Screens(Topic) {
		if dialog.Screened(t.State, q) == "" {
			return c.Reply(t, append(said, q)...), nil
		}
	}
	t.State.Step = "cause"
	return c.Ask(t, said, "aches.ask.active", c.next)
}

// next goes on from the answer a to question q.
func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	switch q {
	case "aches.ask.active":
		if a == session.Yes {
			return c.cause(t, said, "aches.overuse")
		}
		return c.Ask(t, said, "aches.ask.still", c.next)
	case "aches.ask.still":
		if a == session.Yes {
			return c.cause(t, said, "aches.still")
		}
		return c.Ask(t, said, "aches.ask.water", c.next)
	case "aches.ask.water":
		if a == session.Yes {
			return c.cause(t, said, "aches.water")
		}
		return c.cause(t, said, "aches.other")
	case dialog.ScreenFrequent:
		t.State.Step = "position"
		switch a {
		case session.Yes:
			said = append(said, "aches.frequent")
		case session.Unknown:
			// Not sure is not a no: say when a doctor should look.
			said = append(said, "aches.close")
		}
		return c.Ask(t, said, "aches.offer.position", c.next)
	case "aches.offer.position":
		t.State.Step = "done"
		ids := said
		if a == session.Yes {
			ids = append(ids, "aches.position")
		}
		switch {
		case dialog.Screened(t.State, dialog.ScreenFrequent) == session.No:
			// Not yet told when a doctor should look for a cause.
			ids = append(ids, "aches.close")
		case a != session.Yes:
			ids = append(ids, "goodbye")
		}
		r := c.Reply(t, ids...)
		r.End = true
		r.Night = dialog.Night(t, Topic, "advised")
		return r, nil
	}
	if slices.Contains(c.Screens(Topic), q) {
		// A yes that calls for care is answered by triage before this
		// runs. Not sure is not a no: what to act on is said plainly.
		if u := c.Unsure(q); a == session.Unknown && u != "" {
			said = append(said, u)
		}
		return c.screen(t, said)
	}
	return c.Fallback(t)
}

// cause says the likely reason and what to try, then asks whether it
// happens most nights, which decides whether a doctor should look for a
// cause.
func (c *Conversation) cause(t *router.Turn, said []string, cause string) (router.Reply, error) {
	t.State.Step = "frequent"
	return c.Ask(t, append(said, cause), dialog.ScreenFrequent, c.next)
}
