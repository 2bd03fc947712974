package alexa

import (
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wellFormed parses s as XML, as Alexa does before it speaks.
func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed SSML: %v\n%s", err, s)
		}
	}
}

func TestSSML(t *testing.T) {
	tests := []struct {
		name  string
		build func(*SSML)
		want  string
	}{
		{"escapes", func(s *SSML) { s.Say(`Tom & Jerry's "<calf>"`) },
			`<speak>Tom &amp; Jerry&apos;s &quot;&lt;calf&gt;&quot;</speak>`},
		{"sentences joined by a space", func(s *SSML) { s.Say("Straighten your leg.").Say("Hold it.") },
			`<speak>Straighten your leg. Hold it.</speak>`},
		{"blank text adds nothing", func(s *SSML) { s.Say("  ").Say("") }, `<speak></speak>`},
		{"short break", func(s *SSML) { s.Say("Hold.").Pause(1500 * time.Millisecond) },
			`<speak>Hold.<break time="1500ms"/></speak>`},
		{"long break split at ten seconds", func(s *SSML) { s.Pause(25 * time.Second) },
			`<speak><break time="10000ms"/><break time="10000ms"/><break time="5000ms"/></speak>`},
		{"prosody", func(s *SSML) { s.Prosody("90%", "soft", func(b *SSML) { b.Say("Breathe.") }) },
			`<speak><prosody rate="90%" volume="soft">Breathe.</prosody></speak>`},
		{"prosody with only a rate", func(s *SSML) { s.Prosody("slow", "", func(b *SSML) { b.Say("Breathe.") }) },
			`<speak><prosody rate="slow">Breathe.</prosody></speak>`},
		{"whisper", func(s *SSML) { s.Whisper(func(b *SSML) { b.Say("Ten.") }) },
			`<speak><amazon:effect name="whispered">Ten.</amazon:effect></speak>`},
		{"empty wrapper dropped", func(s *SSML) { s.Whisper(func(*SSML) {}) }, `<speak></speak>`},
		{"append another builder", func(s *SSML) {
			s.Say("One.").Append((&SSML{}).Say("Two.").Pause(time.Second))
		}, `<speak>One. Two.<break time="1000ms"/></speak>`},
		{"nested", func(s *SSML) {
			s.Prosody("90%", "soft", func(b *SSML) { b.Say("Hold.").Whisper(func(w *SSML) { w.Say("ten") }) })
		}, `<speak><prosody rate="90%" volume="soft">Hold. <amazon:effect name="whispered">ten</amazon:effect></prosody></speak>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &SSML{}
			tt.build(s)
			if got := s.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if s.Len() != len(s.String()) {
				t.Errorf("Len() = %d, len(String()) = %d", s.Len(), len(s.String()))
			}
			wellFormed(t, s.String())
		})
	}
}

var breakRE = regexp.MustCompile(`<break time="(\d+)ms"/>`)

// However much is added, the document stays within Alexa's limit, stays
// well formed, and no break exceeds ten seconds.
func TestSSMLLimitByConstruction(t *testing.T) {
	sentence := "Pull your toes toward your shin & hold <gently>. "
	builds := map[string]func(*SSML){
		"flat": func(s *SSML) {
			for range 400 {
				s.Say(sentence).Pause(12 * time.Second)
			}
		},
		"nested": func(s *SSML) {
			s.Prosody("90%", "soft", func(b *SSML) {
				for range 400 {
					b.Whisper(func(w *SSML) { w.Say(sentence).Pause(3 * time.Second) })
				}
			})
		},
		"appended": func(s *SSML) {
			for range 100 {
				s.Append((&SSML{}).Say(strings.Repeat(sentence, 5)))
			}
		},
	}
	for name, build := range builds {
		t.Run(name, func(t *testing.T) {
			s := &SSML{}
			build(s)
			out := s.String()
			if len(out) > MaxSSML {
				t.Fatalf("%d characters, over %d", len(out), MaxSSML)
			}
			if !s.Truncated() {
				t.Error("Truncated() = false after overflowing")
			}
			if len(out) < MaxSSML/2 {
				t.Errorf("only %d characters kept: the builder gave up too early", len(out))
			}
			wellFormed(t, out)
			for _, m := range breakRE.FindAllStringSubmatch(out, -1) {
				if ms, _ := strconv.Atoi(m[1]); ms > int(MaxBreak/time.Millisecond) {
					t.Errorf("break of %d ms", ms)
				}
			}
		})
	}
}

func FuzzSSMLSay(f *testing.F) {
	for _, s := range []string{"", "a & b", "<speak>", `"'<>&`, "\x00\x1b\xff\ufffe", strings.Repeat("x", 9000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := (&SSML{}).Prosody("90%", "soft", func(b *SSML) { b.Say(text) })
		out := s.String()
		if len(out) > MaxSSML {
			t.Fatalf("%d characters", len(out))
		}
		d := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%v\n%q", err, out)
			}
		}
	})
}

// TestSSMLWords counts words as they are said: a hyphen parts them, and
// tags and escapes are not spoken.
func TestSSMLWords(t *testing.T) {
	tests := []struct {
		build func(*SSML)
		want  int
	}{
		{func(s *SSML) { s.Say("Want a warning-sign check?") }, 5},
		{func(s *SSML) { s.Say("Go to A&E now.") }, 5},
		{func(s *SSML) { s.Say("Breathe in.").Pause(time.Second).Say("Ten... twenty...") }, 4},
		{func(s *SSML) { s.Whisper(func(w *SSML) { w.Say("It's okay.") }) }, 2},
	}
	for _, tt := range tests {
		s := &SSML{}
		tt.build(s)
		if got := s.Words(); got != tt.want {
			t.Errorf("%s: %d words, want %d", s.Fragment(), got, tt.want)
		}
	}
}

// TestCountWords counts as a listener hears: the limit on an answer's
// length is spoken words, so a hyphenated word is two.
func TestCountWords(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Want a warning-sign check?", 5},
		{"anti-inflammatories calm an inflamed joint", 6},
		{"ten... twenty...", 2},
		{"A&E", 2},
		{"don't", 1},
		{"", 0},
	}
	for _, tt := range tests {
		if got := CountWords(tt.s); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
