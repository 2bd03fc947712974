package triage

import (
	"slices"
	"testing"
)

func TestNumbers(t *testing.T) {
	got := Numbers()
	for _, want := range []string{"000", "111", "112", "911", "999"} {
		if !slices.Contains(got, want) {
			t.Errorf("Numbers() = %v, missing %s", got, want)
		}
	}
}
