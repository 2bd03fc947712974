package routine

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// The screen document's token and APL release.
const (
	Token = "nightlegs-routine"
	// APLVersion is the APL release the document is written against and
	// declares: old enough for the screens in use (a device is sent the
	// document only if its runtime.maxVersion is this or later), new enough
	// for what the document uses (elapsedTime, Math functions, vh units).
	APLVersion = "1.4"
	// dataSource is the document's one parameter, bound to the data source
	// of the same name.
	dataSource = "step"
)

// RenderDocument is the Alexa.Presentation.APL.RenderDocument directive.
type RenderDocument struct {
	Type        string          `json:"type"`
	Token       string          `json:"token"`
	Document    json.RawMessage `json:"document"`
	Datasources map[string]any  `json:"datasources"`
}

// StepData is what the screen document shows of a step.
type StepData struct {
	Title       string `json:"title"`
	Position    string `json:"position"`
	Label       string `json:"label"`
	Instruction string `json:"instruction"`
	// Hold is the hold in seconds; the countdown starts from it.
	Hold int `json:"hold"`
	// HoldEndsMs is when the hold ends, in milliseconds after the document
	// is shown: the countdown runs against APL's elapsedTime, so it keeps
	// pace with the speech without another request.
	HoldEndsMs int64 `json:"holdEndsMs"`
}

// Screen returns the directive that shows step i of routine r at pace p
// with its countdown; before is how long is said before the step's own
// speech starts (an intro, say).
func (l *Library) Screen(r Routine, i int, p float64, before time.Duration) RenderDocument {
	s := r.Steps[i]
	hold := l.Hold(s, p)
	return RenderDocument{
		Type:     alexa.DirectiveRenderDocument,
		Token:    Token,
		Document: json.RawMessage(l.apl),
		Datasources: map[string]any{dataSource: StepData{
			Title:       r.Title,
			Position:    l.fill(l.f.Screen["position"], r, i, false),
			Label:       s.Label,
			Instruction: s.Say,
			Hold:        int(hold / time.Second),
			HoldEndsMs:  (before + l.Lead(s) + hold).Milliseconds(),
		}},
	}
}

// checkDocument checks the screen document's shape: an APL document of the
// release it is written for, taking the one data source Screen sends.
func checkDocument(b []byte) error {
	var doc struct {
		Type         string `json:"type"`
		Version      string `json:"version"`
		MainTemplate struct {
			Parameters []string          `json:"parameters"`
			Items      []json.RawMessage `json:"items"`
		} `json:"mainTemplate"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return err
	}
	switch {
	case doc.Type != "APL":
		return fmt.Errorf("type %q, want APL", doc.Type)
	case doc.Version != APLVersion:
		return fmt.Errorf("version %q, want %s: devices are sent it by that version", doc.Version, APLVersion)
	case len(doc.MainTemplate.Parameters) != 1 || doc.MainTemplate.Parameters[0] != dataSource:
		return fmt.Errorf("mainTemplate parameters %v, want [%s]", doc.MainTemplate.Parameters, dataSource)
	case len(doc.MainTemplate.Items) == 0:
		return fmt.Errorf("mainTemplate has no items")
	}
	return nil
}

// Card returns the Standard card sent when routine r ends, for reading in
// the morning: the steps done (indexes, in the order given) with their
// holds at pace p, the routine's advice and the general advice, and what
// the session's triage level calls for, if anything.
func (l *Library) Card(r Routine, done []int, p float64, level string) *alexa.Card {
	c := l.f.Card
	var b strings.Builder
	if len(done) == 0 {
		b.WriteString(c.None)
	} else {
		b.WriteString(c.Done)
		for _, i := range done {
			if i < 0 || i >= len(r.Steps) {
				continue
			}
			s := r.Steps[i]
			line := strings.NewReplacer("{label}", s.Label, "{seconds}", fmt.Sprint(l.holdSeconds(s, p))).Replace(c.Step)
			b.WriteString("\n- " + line)
		}
	}
	if lv := c.Levels[level]; lv != "" {
		b.WriteString("\n\n" + lv)
	}
	b.WriteString("\n\n" + r.Advice)
	b.WriteString("\n" + c.Advice)
	return &alexa.Card{
		Type:  alexa.CardStandard,
		Title: l.fill(c.Title, r, -1, false),
		Text:  b.String(),
	}
}
