package intents

import (
	"fmt"
	"strings"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// triagePrefix marks a pending question that is one of the triage data's
// screening questions: "triage.<id>".
const triagePrefix = triage.QuestionPrefix

// screenFrequent asks whether it happens most nights, which decides whether
// a doctor should look for a cause (refs §3 row 13).
const screenFrequent = triagePrefix + "frequent"

// screening is screens.yaml: the screening questions each conversation asks
// first, and what to say to "I don't know".
type screening struct {
	Screens map[string][]string `yaml:"screens"`
	Unsure  map[string]string   `yaml:"unsure"`
}

// loadScreens reads and checks screens.yaml: go generate and the tests run
// it.
func loadScreens(b []byte, decode decoder) (*screening, error) {
	var s screening
	if err := decode(b, &s); err != nil {
		return nil, fmt.Errorf("screens.yaml: %w", err)
	}
	for topic, ids := range s.Screens {
		for _, id := range ids {
			if _, ok := triage.Lookup(id); !ok || !strings.HasPrefix(id, triagePrefix) {
				return nil, fmt.Errorf("screens.yaml: %s asks %q, which is not a triage screening question", topic, id)
			}
		}
	}
	for id := range s.Unsure {
		if _, ok := triage.Lookup(id); !ok || !strings.HasPrefix(id, triagePrefix) {
			return nil, fmt.Errorf("screens.yaml: unsure for %q, which is not a triage screening question", id)
		}
	}
	return &s, nil
}

// screeningQuestion returns the text of a screening question, with its
// placeholders unfilled.
func screeningQuestion(id string) string { return triage.Question(id) }

// screened returns the answer already known to screening question id: the
// listener's answer this session, or what the facts gathered so far tell
// (a sign they named is a yes, one they ruled out a no). It returns "" when
// the question still needs asking.
func screened(c *session.Context, id string) string {
	if a := c.Answer(id); a != "" {
		return a
	}
	if triage.NeedsAsking(c, id) {
		return ""
	}
	q, ok := triage.Lookup(id)
	if !ok {
		return ""
	}
	for _, f := range q.Yes.Sets {
		if c.HasFact(f) {
			return session.Yes
		}
	}
	for _, f := range q.No.Sets {
		if c.HasFact(f) {
			return session.No
		}
	}
	return session.No
}
