package symptom

import (
	"slices"
	"testing"
)

// What the conversation already knows completes a sign that needs it, and
// never hides one.
func TestReadAbout(t *testing.T) {
	tests := []struct {
		text  string
		known []string
		fact  string
		want  bool
	}{
		{"it's been more than ten minutes", nil, "cramp_not_easing", false},
		{"it's been more than ten minutes", []string{"cramp"}, "cramp_not_easing", true},
		{"no, it's been 15 minutes", []string{"cramp"}, "cramp_not_easing", true},
		{"it's been more than ten minutes", []string{"hip"}, "cramp_not_easing", false},
		// The remedy just given, done, and the cramp still there answers
		// "is it easing?"; minutes said still make it one that won't ease.
		{"it's still cramping", []string{"cramp"}, "cramp_not_easing", true},
		{"i already did that, still cramping", []string{"cramp"}, "cramp_not_easing", false},
		{"pulled my toes up like you said and it's still all knotted", []string{"cramp"}, "cramp_not_easing", false},
		{"did that, twenty minutes now and still cramping", []string{"cramp"}, "cramp_not_easing", true},
		// "unless: [cramp]" applies to what is said, not to the topic.
		{"my leg has gone numb", []string{"cramp"}, "numb", true},
	}
	for _, tt := range tests {
		got := slices.Contains(ReadAbout(tt.text, tt.known...).Facts, tt.fact)
		if got != tt.want {
			t.Errorf("ReadAbout(%q, %v) has %s = %v, want %v", tt.text, tt.known, tt.fact, got, tt.want)
		}
	}
}
