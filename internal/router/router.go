// Package router picks the conversation handler for a request, by request
// type and intent name, and defines what a handler is given (Turn) and what
// it returns (Reply).
//
// Handlers know nothing of JSON, stores or triage escalation: the skill
// package loads the context before a turn, and after it applies triage,
// builds the response and saves what changed.
package router

import (
	"sort"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Turn is one request as a handler sees it.
type Turn struct {
	// Request is the decoded envelope, for anything the fields below omit.
	Request *alexa.RequestEnvelope
	// Type is the request type, Intent the intent name (IntentRequest only).
	Type   string
	Intent string
	Locale string
	// Text is free text the listener said, when known: the catch-all
	// intent's slot, which a device fills when no specific intent fits.
	Text string
	// NewSession is true on the first request of a session.
	NewSession bool
	// State is the conversation context; handlers change it in place.
	State *session.Context
	// Prefs are the listener's preferences; handlers change them in place.
	Prefs *session.Prefs
	// Nights are past nights (only with consent), oldest first.
	Nights []session.Night
	// Resumed is the context of an earlier session that is recent enough to
	// pick up again; nil if none. State starts empty when a session is new.
	Resumed *session.Context
	Now     time.Time
	// Remember, when set, loads what is kept for the listener now (Prefs,
	// Nights, Resumed), if it has not been loaded yet. A new session's free
	// speech is answered before the store is read, so that a warning sign
	// never waits on it; a handler that finds the words are no complaint
	// but a question about what was said or kept calls it first.
	Remember func()
	// Glance is Remember with a shorter wait, for a new session's warning
	// sign for care today: with what the session just before told it may
	// be an emergency ("my dad fell", then "his leg won't hold him"), so
	// it looks back, but a slow store holds its answer no longer than an
	// emergency's own save may hold that one.
	Glance func()
}

// Slot returns the canonical value of a slot (resolved by entity
// resolution, else as spoken), lower-cased, or "" if it is empty or absent.
func (t *Turn) Slot(name string) string {
	v, _ := t.SlotID(name)
	return v
}

// SlotID returns a slot's canonical value (lower-cased) and its ID.
func (t *Turn) SlotID(name string) (value, id string) {
	if t.Request == nil || t.Request.Request.Intent == nil {
		return "", ""
	}
	s, ok := t.Request.Request.Intent.Slots[name]
	if !ok {
		return "", ""
	}
	v, id := s.Resolved()
	return strings.ToLower(strings.TrimSpace(v)), id
}

// HasScreen reports whether the device can show APL documents.
func (t *Turn) HasScreen() bool {
	return t.Request != nil && t.Request.Context.System.Device.Supports(alexa.InterfaceAPL)
}

// ShowsAPL reports whether the device can show an APL document of version
// v: it has a screen whose APL runtime is v or later.
func (t *Turn) ShowsAPL(v string) bool {
	return t.Request != nil && t.Request.Context.System.Device.SupportsAPL(v)
}

// Reply is what a handler wants said and done.
type Reply struct {
	// Speech is said first: the guidance.
	Speech *alexa.SSML
	// Question is the single follow-up question, said after Speech and used
	// as the reprompt. Empty means no question.
	Question string
	// End closes the session after speaking. A reply with no Question and
	// End false keeps the session open with a generic reprompt.
	End bool
	// Card is sent to the Alexa app.
	Card *alexa.Card
	// Directives are sent as they are (APL documents and the like).
	Directives []any
	// Night, if set, records tonight's episode (kept only with consent).
	Night *session.Night
	// Forget asks the skill to delete everything stored about the listener
	// after this reply.
	Forget bool
	// NotForgotten is the reply to give instead when the store could not
	// delete everything (Forget): it must not say that it did.
	NotForgotten *Reply
	// Plain marks speech that must not be softened (emergency answers).
	Plain bool
}

// Say returns a reply with speech made of the given sentences.
func Say(sentences ...string) Reply {
	s := &alexa.SSML{}
	for _, x := range sentences {
		s.Say(x)
	}
	return Reply{Speech: s}
}

// Ask returns a reply with the given speech and follow-up question.
func Ask(question string, sentences ...string) Reply {
	r := Say(sentences...)
	r.Question = question
	return r
}

// Handler answers one turn.
type Handler interface {
	Handle(t *Turn) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(t *Turn) (Reply, error)

// Handle calls f(t).
func (f HandlerFunc) Handle(t *Turn) (Reply, error) { return f(t) }

// Router maps request types and intent names to handlers.
type Router struct {
	requests map[string]Handler
	intents  map[string]Handler
	fallback Handler
}

// New returns a router that sends anything it does not know to fallback.
func New(fallback Handler) *Router {
	return &Router{
		requests: map[string]Handler{},
		intents:  map[string]Handler{},
		fallback: fallback,
	}
}

// Request registers h for a request type other than IntentRequest.
func (r *Router) Request(typ string, h Handler) { r.requests[typ] = h }

// Intent registers h for an intent name.
func (r *Router) Intent(name string, h Handler) { r.intents[name] = h }

// IntentFunc registers a function for an intent name.
func (r *Router) IntentFunc(name string, f func(*Turn) (Reply, error)) {
	r.Intent(name, HandlerFunc(f))
}

// Route returns the handler for a request type and intent name.
func (r *Router) Route(typ, intent string) Handler {
	if typ == alexa.TypeIntent {
		if h, ok := r.intents[intent]; ok {
			return h
		}
		return r.fallback
	}
	if h, ok := r.requests[typ]; ok {
		return h
	}
	return r.fallback
}

// Handles reports whether an intent has its own handler.
func (r *Router) Handles(intent string) bool {
	_, ok := r.intents[intent]
	return ok
}

// Intents lists the registered intent names, sorted.
func (r *Router) Intents() []string {
	names := make([]string, 0, len(r.intents))
	for n := range r.intents {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
