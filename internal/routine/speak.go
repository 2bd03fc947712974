package routine

import (
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// Limits on one response's speech, beside the two the SSML builder keeps
// (alexa.MaxBreak, alexa.MaxSSML).
const (
	// MaxSpeech bounds how long one response takes to say, pauses
	// included: Alexa plays at most 240 seconds of audio in one
	// outputSpeech (custom skills' request and response JSON reference).
	MaxSpeech = 240 * time.Second
	// MaxPause bounds the silence in one response. Alexa documents no sum
	// for breaks, only the 240 seconds above and 90 seconds for a
	// reprompt; holding to 90 keeps the longest hold, at the slowest pace,
	// far inside MaxSpeech with the words around it.
	MaxPause = 90 * time.Second
	// wordsPerSecond estimates Alexa's speaking rate at the skill's calm
	// 90% rate: about 135 words a minute.
	wordsPerSecond = 2.25
)

// Talk estimates how long Alexa takes to say text.
func Talk(text string) time.Duration {
	return time.Duration(float64(words(text)) / wordsPerSecond * float64(time.Second))
}

func (l *Library) begin(s Step) string {
	if s.Begin != "" {
		return s.Begin
	}
	return l.f.Counting.Begin
}

func (l *Library) end(s Step) string {
	if s.End != "" {
		return s.End
	}
	return l.f.Counting.End
}

func (l *Library) settle() time.Duration {
	return time.Duration(l.f.Counting.Settle) * time.Second
}

// StepPause is the silence in step s's speech at pace p: the moment to
// settle into position and the hold.
func (l *Library) StepPause(s Step, p float64) time.Duration {
	return l.settle() + l.Hold(s, p)
}

// Lead estimates how long after step s's speech starts its hold begins.
func (l *Library) Lead(s Step) time.Duration {
	return Talk(s.Say) + l.settle() + Talk(l.begin(s))
}

// StepTime estimates how long step s takes to say at pace p, from the
// instruction to the release.
func (l *Library) StepTime(s Step, p float64) time.Duration {
	d := l.Lead(s) + l.Hold(s, p) + Talk(l.end(s))
	for _, c := range l.counts(s, p) {
		d += Talk(c)
	}
	return d
}

// counts are the soft counts said during step s's hold at pace p: one
// every Counting.Every seconds, none at the very end (the release is said
// there instead).
func (l *Library) counts(s Step, p float64) []string {
	n := (l.holdSeconds(s, p) - 1) / l.f.Counting.Every
	return l.f.Counting.Counts[:min(n, len(l.f.Counting.Counts))]
}

// Speak adds step s at pace p to b: the instruction, a quiet moment to get
// into position, then the hold counted out softly ("ten... twenty...") in
// breaks the builder keeps within Alexa's 10 seconds each, and the
// release.
func (l *Library) Speak(b *alexa.SSML, s Step, p float64) {
	b.Say(s.Say)
	b.Pause(l.settle())
	b.Say(l.begin(s))
	every := time.Duration(l.f.Counting.Every) * time.Second
	left := l.Hold(s, p)
	for _, c := range l.counts(s, p) {
		b.Pause(every)
		b.Say(c)
		left -= every
	}
	b.Pause(left)
	b.Say(l.end(s))
}
