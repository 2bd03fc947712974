package alexa

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxSSML is Alexa's limit on the length of outputSpeech.ssml, tags included.
const MaxSSML = 8000

// MaxBreak is the longest single <break> Alexa accepts.
const MaxBreak = 10 * time.Second

// SSML builds Alexa speech. Text given to it is always escaped, so content can
// never break the markup, and the finished document never exceeds MaxSSML:
// anything that would push it over is dropped whole (Truncated reports it),
// because a cut-off sentence is worse than a missing one.
//
// The zero value is ready to use. Methods return the builder so calls chain.
type SSML struct {
	parts     []string // finished fragments, each well formed on its own
	size      int      // sum of len(parts)
	budget    int      // 0 means MaxSSML
	truncated bool
}

const speakOverhead = len("<speak></speak>")

func (s *SSML) limit() int {
	if s.budget > 0 {
		return s.budget
	}
	return MaxSSML - speakOverhead
}

func (s *SSML) add(frag string) *SSML {
	if frag == "" {
		return s
	}
	if s.size+len(frag) > s.limit() {
		s.truncated = true
		return s
	}
	s.parts = append(s.parts, frag)
	s.size += len(frag)
	return s
}

// Say adds text, escaped. Consecutive calls are separated by a space.
func (s *SSML) Say(text string) *SSML {
	text = strings.TrimSpace(text)
	if text == "" {
		return s
	}
	frag := Escape(text)
	if len(s.parts) > 0 {
		frag = " " + frag
	}
	return s.add(frag)
}

// Sayf is Say with fmt.Sprintf formatting; the result is escaped.
func (s *SSML) Sayf(format string, args ...any) *SSML {
	return s.Say(fmt.Sprintf(format, args...))
}

// Pause adds silence. Pauses longer than MaxBreak become several breaks, as
// Alexa rejects a single longer one. Durations are rounded to milliseconds.
func (s *SSML) Pause(d time.Duration) *SSML {
	var b strings.Builder
	for d > 0 {
		step := min(d, MaxBreak)
		fmt.Fprintf(&b, `<break time="%dms"/>`, step.Milliseconds())
		d -= step
	}
	return s.add(b.String())
}

// Prosody adds the speech built by fn inside <prosody>. Rate is a percentage
// or x-slow…x-fast, volume silent, x-soft…x-loud or a dB change; empty
// values are left out. If the inner speech does not fit, none of it is added.
func (s *SSML) Prosody(rate, volume string, fn func(*SSML)) *SSML {
	var attrs strings.Builder
	if rate != "" {
		fmt.Fprintf(&attrs, ` rate="%s"`, Escape(rate))
	}
	if volume != "" {
		fmt.Fprintf(&attrs, ` volume="%s"`, Escape(volume))
	}
	return s.wrap("<prosody"+attrs.String()+">", "</prosody>", fn)
}

// Whisper adds the speech built by fn in Alexa's whispered voice.
func (s *SSML) Whisper(fn func(*SSML)) *SSML {
	return s.wrap(`<amazon:effect name="whispered">`, "</amazon:effect>", fn)
}

// Paragraph adds the speech built by fn as a paragraph (a longer pause
// before and after).
func (s *SSML) Paragraph(fn func(*SSML)) *SSML {
	return s.wrap("<p>", "</p>", fn)
}

// Append adds everything another builder holds, as it is.
func (s *SSML) Append(o *SSML) *SSML {
	if o == nil {
		return s
	}
	if o.truncated {
		s.truncated = true
	}
	sep := ""
	if len(s.parts) > 0 && len(o.parts) > 0 && !strings.HasPrefix(o.parts[0], " ") {
		sep = " "
	}
	return s.add(sep + o.Fragment())
}

func (s *SSML) wrap(open, close string, fn func(*SSML)) *SSML {
	room := s.limit() - s.size - len(open) - len(close) - 1
	if room <= 0 {
		s.truncated = true
		return s
	}
	inner := &SSML{budget: room}
	fn(inner)
	if inner.truncated {
		s.truncated = true
	}
	if len(inner.parts) == 0 {
		return s
	}
	frag := open + inner.Fragment() + close
	if len(s.parts) > 0 {
		frag = " " + frag
	}
	return s.add(frag)
}

// Fragment returns the speech without the enclosing <speak> element.
func (s *SSML) Fragment() string { return strings.Join(s.parts, "") }

// String returns the complete SSML document.
func (s *SSML) String() string { return "<speak>" + s.Fragment() + "</speak>" }

// Len is the length of String().
func (s *SSML) Len() int { return s.size + speakOverhead }

// Words counts the words the fragment speaks, tags aside, as CountWords
// does: answers are kept short enough to take in half asleep.
func (s *SSML) Words() int {
	n := 0
	for _, p := range s.parts {
		n += CountWords(html.UnescapeString(ssmlTag.ReplaceAllString(p, " ")))
	}
	return n
}

// spokenWord is one word as a listener hears it.
var spokenWord = regexp.MustCompile(`[A-Za-z0-9']+`)

// CountWords counts the words plain text speaks as a listener hears them,
// the measure of every answer's length: "anti-inflammatory" and
// "warning-sign" are two, "ten... twenty..." two, "A&E" two.
func CountWords(s string) int { return len(spokenWord.FindAllString(s, -1)) }

// ssmlTag matches one SSML tag.
var ssmlTag = regexp.MustCompile(`<[^>]*>`)

// Empty reports whether nothing has been added.
func (s *SSML) Empty() bool { return len(s.parts) == 0 }

// Truncated reports whether something was dropped to stay within MaxSSML.
func (s *SSML) Truncated() bool { return s.truncated }

var escaper = strings.NewReplacer(
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
	`"`, "&quot;",
	"'", "&apos;",
)

// Escape escapes text for use inside SSML. Characters XML does not allow
// (control characters, invalid UTF-8) are dropped: Alexa rejects the whole
// response for one of them.
func Escape(text string) string {
	return escaper.Replace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF)) {
			return r
		}
		return -1
	}, text))
}
