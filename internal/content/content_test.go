package content

import "testing"

// TestTextWords counts a text's words as a listener hears them, question
// included: the limit of MaxWords is spoken words.
func TestTextWords(t *testing.T) {
	if got := (Text{Say: []string{"Over-the-counter gels."}, Ask: "Want the rest?"}).Words(); got != 7 {
		t.Errorf("Text.Words = %d, want 7", got)
	}
}
