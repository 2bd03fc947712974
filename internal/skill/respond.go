package skill

import (
	"encoding/json"
	"log/slog"
	"slices"
	"strings"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Night voice: soft and a little slow by default; "speak up" switches to
// the normal voice, "whisper" to Alexa's whisper.
const (
	softVolume = "soft"
	calmRate   = "90%"
)

// openReprompt is said when a reply keeps the session open without a
// question of its own.
const openReprompt = "Is there anything else about your legs or hips?"

// respond turns a reply into the Alexa response envelope.
func (s *Skill) respond(t *router.Turn, r router.Reply) *alexa.ResponseEnvelope {
	resp := &alexa.ResponseEnvelope{Version: "1.0"}
	if t.State.Level != "" {
		resp.SessionAttributes = map[string]any{AttrTriage: string(t.State.Level)}
	}
	if t.Type == alexa.TypeSessionEnded {
		// Alexa ignores any speech in answer to SessionEndedRequest.
		return resp
	}

	question := r.Question
	if question == "" && !r.End {
		question = openReprompt
	}
	voice := voiceOf(t)
	speech := &alexa.SSML{}
	body := func(b *alexa.SSML) {
		b.Append(r.Speech)
		if r.Question != "" {
			b.Say(r.Question)
		}
	}
	switch {
	case r.Plain:
		// Emergency answers are said clearly, at a calm pace.
		speech.Prosody(calmRate, "", body)
	case voice == session.VoiceWhisper:
		speech.Whisper(body)
	case voice == session.VoiceNormal:
		speech.Prosody(calmRate, "", body)
	default:
		speech.Prosody(calmRate, softVolume, body)
	}
	resp.Response.OutputSpeech = alexa.SSMLSpeech(speech)
	resp.Response.OutputSpeech.SSML = readAsDigits(resp.Response.OutputSpeech.SSML, s.Digits)
	resp.Response.Card = r.Card
	resp.Response.Directives = r.Directives
	resp.Response.ShouldEndSession = alexa.Bool(r.End)
	if !r.End {
		re := &alexa.SSML{}
		if voice == session.VoiceNormal || r.Plain {
			re.Say(question)
		} else {
			re.Prosody(calmRate, softVolume, func(b *alexa.SSML) { b.Say(question) })
		}
		resp.Response.Reprompt = &alexa.Reprompt{OutputSpeech: *alexa.SSMLSpeech(re)}
		if resp.SessionAttributes == nil {
			resp.SessionAttributes = map[string]any{}
		}
		resp.SessionAttributes[AttrContext] = t.State
		resp.SessionAttributes[AttrPrefs] = t.Prefs
		if n := len(t.Nights); n > 0 {
			resp.SessionAttributes[AttrNights] = t.Nights[max(0, n-maxNightsInSession):]
		}
	}
	return resp
}

// readAsDigits marks each of the numbers where it stands as a word in the
// text of ssml (never inside a tag) to be read digit by digit. The markup
// adds about 40 characters a number; speech is far from the 8,000 limit
// wherever an emergency number is said.
func readAsDigits(ssml string, numbers []string) string {
	if len(numbers) == 0 {
		return ssml
	}
	var b strings.Builder
	for rest := ssml; rest != ""; {
		lt := strings.IndexByte(rest, '<')
		if lt < 0 {
			lt = len(rest)
		}
		b.WriteString(digitsIn(rest[:lt], numbers))
		rest = rest[lt:]
		gt := strings.IndexByte(rest, '>')
		if gt < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:gt+1])
		rest = rest[gt+1:]
	}
	return b.String()
}

// digitsIn wraps whole-word numbers of text in say-as digits.
func digitsIn(text string, numbers []string) string {
	var b strings.Builder
	i := 0
	for i < len(text) {
		if isDigit(text[i]) && (i == 0 || !isWordByte(text[i-1])) {
			j := i
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			if (j == len(text) || !isWordByte(text[j])) && slices.Contains(numbers, text[i:j]) {
				b.WriteString(`<say-as interpret-as="digits">` + text[i:j] + `</say-as>`)
				i = j
				continue
			}
			b.WriteString(text[i:j])
			i = j
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return isDigit(c) || c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func voiceOf(t *router.Turn) session.Voice {
	if t.State.Voice != "" {
		return t.State.Voice
	}
	return t.Prefs.Voice
}

// fromAttributes recovers the snapshot carried in session attributes. What
// does not decode is logged and treated as absent.
func fromAttributes(attrs map[string]any, log *slog.Logger) session.Snapshot {
	var snap session.Snapshot
	decode := func(key string, v any) {
		raw, ok := attrs[key]
		if !ok {
			return
		}
		b, err := json.Marshal(raw)
		if err == nil {
			err = json.Unmarshal(b, v)
		}
		if err != nil {
			log.Warn("ignored session attribute that does not decode", "key", key, "err", err)
		}
	}
	var c session.Context
	decode(AttrContext, &c)
	snap.Context = &c
	decode(AttrPrefs, &snap.Prefs)
	decode(AttrNights, &snap.Nights)
	if lvl, ok := attrs[AttrTriage].(string); ok && c.Level == "" {
		c.Level = session.Level(lvl)
	}
	return snap
}

// apology is said when a turn fails. It still points somewhere useful.
func apology() router.Reply {
	return router.Reply{
		Speech: (&alexa.SSML{}).Say("Sorry, something went wrong on my side."),
		Question: "If your leg is swollen, hot, or you are short of breath, call your emergency number now. " +
			"Otherwise, tell me where it hurts and how it feels.",
	}
}
