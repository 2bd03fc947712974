// Package session defines what Night Legs remembers about a listener: the
// current conversation (Context), their preferences (Prefs) and, with their
// consent, a short history of past nights (Night). It holds plain types only;
// the stores that keep them live in package store.
//
// What is kept is the least the conversations need: topics, answers, levels
// and outcomes, never what the listener said word for word.
package session

import (
	"errors"
	"slices"
	"time"
)

// Schema is the version of the stored shape of these types. A store that
// reads an item with a newer or unknown schema treats it as absent.
const Schema = 1

// ErrConflict is returned by a store when a conditional write finds that
// another writer changed the item first and the change could not be merged.
var ErrConflict = errors.New("session: version conflict")

// ErrForgotten is returned by a store when items a writer started from
// were deleted under it by a forget (another session's "forget me"): they
// are not written back, and the session should keep nothing more.
var ErrForgotten = errors.New("session: deleted by a forget")

// Answers to yes/no questions, as kept in Context.Answers.
const (
	Yes     = "yes"
	No      = "no"
	Unknown = "unknown"
)

// Context is the current conversation: which topic, which step, what has
// been asked and answered, and the triage level reached. It travels in the
// response's sessionAttributes between turns and is saved to the store so a
// later session can resume it.
type Context struct {
	Topic Topic `json:"topic,omitempty"`
	// Step is the conversation's own marker of where it is, such as
	// "asked-easing".
	Step string `json:"step,omitempty"`
	// Pending is the ID of the question the skill asked last and awaits an
	// answer to, so a bare "yes" or "no" can be understood.
	Pending string `json:"pending,omitempty"`
	// Answers maps question IDs to answers (Yes, No, Unknown or a value).
	Answers map[string]string `json:"answers,omitempty"`
	// Facts are triage fact IDs gathered so far (sorted, no repeats).
	Facts []string `json:"facts,omitempty"`
	// Level is the highest triage level reached in this conversation; it
	// never goes down.
	Level Level `json:"level,omitempty"`
	// Subject is whom the conversation is about: "self" (or empty), "child",
	// "partner", "parent", "other".
	Subject string `json:"subject,omitempty"`
	// Routine is the position in a guided stretch routine, if one is on.
	Routine *Routine `json:"routine,omitempty"`
	// Earlier is what a recent conversation was told (its facts, level
	// and whom it was about), kept from a session opened with no words of
	// its own until the listener's first: "open Night Legs", then "it came
	// on suddenly", is still the rest of what was told before.
	Earlier *Context `json:"earlier,omitempty"`
	// Voice overrides Prefs.Voice for this session.
	Voice Voice `json:"voice,omitempty"`
	// Started and Updated are when the conversation began and last changed.
	Started time.Time `json:"started,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
	// Version is the store's version of the saved context item; stores use
	// it for conditional writes. Zero means never saved.
	Version int64 `json:"version,omitempty"`
}

// Routine is a position in a guided stretch routine.
type Routine struct {
	ID     string  `json:"id"`
	Step   int     `json:"step"` // zero-based index of the current step
	Paused bool    `json:"paused,omitempty"`
	Pace   float64 `json:"pace,omitempty"` // hold-time multiplier; 0 means 1
	Done   []int   `json:"done,omitempty"` // steps completed
}

// Answer returns the answer to question id, or "".
func (c *Context) Answer(id string) string { return c.Answers[id] }

// SetAnswer records the answer to question id.
func (c *Context) SetAnswer(id, answer string) {
	if c.Answers == nil {
		c.Answers = map[string]string{}
	}
	c.Answers[id] = answer
}

// Answered reports whether question id has an answer.
func (c *Context) Answered(id string) bool {
	_, ok := c.Answers[id]
	return ok
}

// AddFacts adds triage facts, keeping Facts sorted and without repeats. It
// reports whether anything new was added.
func (c *Context) AddFacts(facts ...string) bool {
	added := false
	for _, f := range facts {
		if f == "" {
			continue
		}
		i, found := slices.BinarySearch(c.Facts, f)
		if !found {
			c.Facts = slices.Insert(c.Facts, i, f)
			added = true
		}
	}
	return added
}

// HasFact reports whether fact f has been gathered.
func (c *Context) HasFact(f string) bool {
	_, found := slices.BinarySearch(c.Facts, f)
	return found
}

// Empty reports whether the context holds no conversation.
func (c *Context) Empty() bool {
	return c == nil || (c.Topic == "" && c.Routine == nil && c.Level == "" && len(c.Facts) == 0 && len(c.Answers) == 0)
}

// Clone returns a deep copy.
func (c *Context) Clone() *Context {
	if c == nil {
		return nil
	}
	n := *c
	if c.Answers != nil {
		n.Answers = make(map[string]string, len(c.Answers))
		for k, v := range c.Answers {
			n.Answers[k] = v
		}
	}
	n.Facts = slices.Clone(c.Facts)
	if c.Routine != nil {
		r := *c.Routine
		r.Done = slices.Clone(c.Routine.Done)
		n.Routine = &r
	}
	n.Earlier = c.Earlier.Clone()
	return &n
}

// Topic names a conversation, as the context and a kept night carry it
// ("cramp", "restless"): each topic folder under intents/ is one.
type Topic string

// Voice is how the skill speaks to a listener, as the preferences and the
// session keep it.
type Voice string

// Voices: soft is the default; whisper is Alexa's whisper.
const (
	VoiceSoft    Voice = "soft"
	VoiceNormal  Voice = "normal"
	VoiceWhisper Voice = "whisper"
)

// Consent answers for keeping a history of nights.
const (
	ConsentUnasked = ""
	ConsentGiven   = "yes"
	ConsentRefused = "no"
)

// Prefs are the listener's lasting preferences.
type Prefs struct {
	Voice   Voice  `json:"voice,omitempty"`   // VoiceSoft (default), VoiceNormal or VoiceWhisper
	History string `json:"history,omitempty"` // ConsentUnasked, ConsentGiven or ConsentRefused
	// Forget marks a deletion the listener asked for that is not finished
	// yet: nothing more is kept, and the deletion is tried again on the
	// listener's next turn or session.
	Forget bool `json:"forget,omitempty"`
	// Updated is when the store last wrote the preferences; they expire a
	// while after it.
	Updated time.Time `json:"updated,omitzero"`
	// Version is the store's version of the saved prefs item.
	Version int64 `json:"version,omitempty"`
}

// Night is what one night's conversation was about and how it went. It is
// kept only with the listener's consent.
type Night struct {
	Date    string `json:"date"`              // local date, YYYY-MM-DD
	Topic   Topic  `json:"topic"`             // such as "cramp"
	Level   Level  `json:"level,omitempty"`   // highest triage level reached
	Outcome string `json:"outcome,omitempty"` // such as "eased", "not-eased"
	Count   int    `json:"count,omitempty"`   // episodes reported that night
}

// Snapshot is everything a store holds for one listener, loaded with one
// read at the start of a session.
type Snapshot struct {
	Context *Context `json:"context,omitempty"` // nil if none, or expired
	Prefs   Prefs    `json:"prefs"`
	Nights  []Night  `json:"nights,omitempty"` // oldest first
}

// Change is what one turn changes durably. A nil field changes nothing;
// a Change with every field nil needs no write.
type Change struct {
	// Context replaces the saved conversation context.
	Context *Context
	// Prefs replaces the saved preferences.
	Prefs *Prefs
	// Night adds its Count of episodes to the night with the same Date
	// and Topic, if the stored preferences give consent to keep nights.
	Night *Night
	// Request identifies the turn (a keyed hash of the Alexa request ID,
	// never the ID itself), so that a retried turn counts its night once.
	// Empty: no such guard.
	Request string
}

// Empty reports whether the change needs no write.
func (c Change) Empty() bool { return c.Context == nil && c.Prefs == nil && c.Night == nil }

// Level is how soon the person needs care, as internal/triage decides it.
// Its strings are the contract of sessionAttributes["triage"].
type Level string

// The levels, highest first. The empty Level is none known yet.
const (
	Emergency Level = "emergency" // call the emergency number now
	Urgent    Level = "urgent"    // medical care today
	Soon      Level = "soon"      // a doctor in the next few days
	SelfCare  Level = "self_care" // self-care
)

// rank orders the levels; an unknown or empty level ranks below SelfCare.
func (l Level) rank() int {
	switch l {
	case Emergency:
		return 4
	case Urgent:
		return 3
	case Soon:
		return 2
	case SelfCare:
		return 1
	}
	return 0
}

// Higher returns the higher of l and o: a level only rises.
func (l Level) Higher(o Level) Level {
	if o.rank() > l.rank() {
		return o
	}
	return l
}

// AtLeast reports whether l is at least min.
func (l Level) AtLeast(min Level) bool { return l.rank() >= min.rank() }
