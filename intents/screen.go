package intents

import (
	"fmt"
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// screening is screens.yaml: the screening questions each conversation asks
// first, and what to say to "I don't know".
type screening struct {
	Screens map[session.Topic][]string `yaml:"screens"`
	Unsure  map[string]string          `yaml:"unsure"`
}

// loadScreens reads and checks screens.yaml: go generate and the tests run
// it.
func loadScreens(b []byte, decode decoder) (*screening, error) {
	var s screening
	if err := decode(b, &s); err != nil {
		return nil, fmt.Errorf("screens.yaml: %w", err)
	}
	for topic, ids := range s.Screens {
		if err := checkScreens(topic, ids); err != nil {
			return nil, err
		}
	}
	for id := range s.Unsure {
		if _, ok := triage.Lookup(id); !ok || !strings.HasPrefix(id, dialog.TriagePrefix) {
			return nil, fmt.Errorf("screens.yaml: unsure for %q, which is not a triage screening question", id)
		}
	}
	return &s, nil
}

// checkScreens checks that each question a topic asks first is one of
// triage's screening questions.
func checkScreens(topic session.Topic, ids []string) error {
	for _, id := range ids {
		if _, ok := triage.Lookup(id); !ok || !strings.HasPrefix(id, dialog.TriagePrefix) {
			return fmt.Errorf("screens.yaml: %s asks %q, which is not a triage screening question", topic, id)
		}
	}
	return nil
}

// screeningQuestion returns the text of a screening question, with its
// placeholders unfilled.
func screeningQuestion(id string) string { return triage.Question(id) }
