package session

import (
	"slices"
	"testing"
)

func TestAddFacts(t *testing.T) {
	var c Context
	if !c.AddFacts("fever", "breathless", "", "fever") {
		t.Error("AddFacts reported nothing new")
	}
	if c.AddFacts("breathless") {
		t.Error("AddFacts reported a repeat as new")
	}
	if want := []string{"breathless", "fever"}; !slices.Equal(c.Facts, want) {
		t.Errorf("Facts = %v, want %v", c.Facts, want)
	}
	if !c.HasFact("fever") || c.HasFact("pregnant") {
		t.Error("HasFact is wrong")
	}
}

func TestCloneIsDeep(t *testing.T) {
	c := &Context{Topic: "cramp", Facts: []string{"a"}, Routine: &Routine{ID: "calf", Done: []int{0}}}
	c.SetAnswer("q", Yes)
	n := c.Clone()
	n.SetAnswer("q", No)
	n.Facts[0] = "b"
	n.Routine.Done[0] = 9
	n.Routine.Step = 3
	if c.Answer("q") != Yes || c.Facts[0] != "a" || c.Routine.Done[0] != 0 || c.Routine.Step != 0 {
		t.Errorf("changing the clone changed the original: %+v %+v", c, c.Routine)
	}
	if (*Context)(nil).Clone() != nil {
		t.Error("Clone of nil is not nil")
	}
}

func TestEmpty(t *testing.T) {
	tests := []struct {
		c    *Context
		want bool
	}{
		{nil, true},
		{&Context{}, true},
		{&Context{Version: 3, Voice: VoiceNormal}, true},
		{&Context{Topic: "cramp"}, false},
		{&Context{Level: "emergency"}, false},
		{&Context{Facts: []string{"fever"}}, false},
		{&Context{Routine: &Routine{ID: "calf"}}, false},
	}
	for _, tt := range tests {
		if got := tt.c.Empty(); got != tt.want {
			t.Errorf("%+v.Empty() = %v, want %v", tt.c, got, tt.want)
		}
	}
}
