package content

import "testing"

// TestCountWords counts as a listener hears: the limit of MaxWords is
// spoken words, so a hyphenated word is two.
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
	if got := (Text{Say: []string{"Over-the-counter gels."}, Ask: "Want the rest?"}).Words(); got != 7 {
		t.Errorf("Text.Words = %d, want 7", got)
	}
}
