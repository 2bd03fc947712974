package triage

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/session"
)

func TestData(t *testing.T) {
	if _, err := load(decodeData); err != nil {
		t.Fatal(err)
	}
}

func TestAskAndRecord(t *testing.T) {
	c := &session.Context{}
	if !NeedsAsking(c, "triage.swelling") {
		t.Fatal("swelling: a fresh session should need asking")
	}
	if got := Ask(c, "swelling"); got == "" || c.Pending != "triage.swelling" {
		t.Fatalf("Ask: text %q, pending %q", got, c.Pending)
	}
	Record(c, c.Pending, session.No)
	if !c.HasFact(NotFact("one_leg_swollen")) || NeedsAsking(c, "triage.swelling") {
		t.Fatalf("after no: facts %v", c.Facts)
	}
	Record(c, "triage.bear_weight", session.No)
	if !c.HasFact("cant_bear_weight") {
		t.Fatalf("no to bearing weight should set cant_bear_weight: %v", c.Facts)
	}
}
