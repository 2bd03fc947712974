package symptom

import (
	stdflag "flag"
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/infra/infratest"
)

var update = stdflag.Bool("update", false, "rewrite infra/model/signs.json from the vocabulary")

// signsModel is the interaction model fragment that holds the WarningSign
// slot type, made from the vocabulary so the two cannot drift.
const signsModel = "../../infra/model/signs.json"

// TestSignTypeUpToDate fails when the vocabulary's warning signs changed
// and infra/model/signs.json was not rewritten: run
// go test ./internal/symptom -update, then go test ./infra -update.
func TestSignTypeUpToDate(t *testing.T) {
	st := infra.SlotType{Name: "WarningSign"}
	for _, g := range SignGroups() {
		st.Values = append(st.Values, infra.NewTypeValue(g.ID, g.Phrases[0], g.Phrases[1:]))
	}
	infratest.CheckTypes(t, signsModel, *update, st)
}

// TestSignPhrasesRead: every WarningSign value reads as a sign or a denial,
// so what a device puts in the slot reaches triage; a sign that needs its
// context ("half an hour ago", of a cramp) reads so in that context.
func TestSignPhrasesRead(t *testing.T) {
	with := map[string][]string{}
	for _, f := range std().flags {
		for _, p := range f.Say {
			with[p] = append(with[p], f.With...)
			for _, n := range append(slices.Clone(agesNumbers), signNumbers...) {
				q := strings.ReplaceAll(p, "#", n)
				with[q] = append(with[q], f.With...)
			}
		}
	}
	ignored := map[string]bool{}
	for _, p := range std().ignore {
		forms := []string{p}
		if strings.Count(p, "*") == 1 {
			// "knees up to * chest" is a value once per whose word.
			forms = nil
			for _, w := range signWildWords {
				forms = append(forms, strings.Replace(p, "*", w, 1))
			}
		}
		// "feint lines" is "faint lines" as a recogniser writes it.
		for _, f := range forms {
			for _, said := range spokenForms(f) {
				ignored[said] = true
			}
		}
	}
	// A side is no sign itself; it places the sign kept beside it.
	for _, p := range std().sides {
		ignored[p] = true
	}
	for _, p := range std().plurals {
		ignored[p] = true
	}
	for _, p := range SignPhrases() {
		if ignored[p] {
			continue
		}
		// "going up me leg" needs what "going up my leg" needs.
		rd := ReadAbout(p, with[strings.ReplaceAll(p, "me ", "my ")]...)
		if len(rd.Facts) == 0 && len(rd.Negated) == 0 && len(rd.Sensations) == 0 && len(rd.Parts) == 0 && rd.Subject == "" && len(rd.Timing) == 0 {
			t.Errorf("%q reads as nothing", p)
		}
	}
}

// TestFineFormsDeny: every way the model's WarningSign values say a bodily
// function is fine reads as the denial of its sign, so a device that keeps
// "peeing's normal" whole tells triage the bladder is fine.
func TestFineFormsDeny(t *testing.T) {
	values := SignPhrases()
	for _, want := range []string{"breathing's fine", "breathing is normal", "peeing's normal", "waterworks are fine", "bowels are fine", "no trouble peeing"} {
		if !slices.Contains(values, want) {
			t.Errorf("%q is not a WarningSign value", want)
		}
	}
	for fact, texts := range std().fineSaid() {
		for _, text := range texts {
			// Beside a numbness that would tell a change in the bladder
			// if the function were not said fine.
			if rd := Read("tingling and " + text); !slices.Contains(rd.Negated, fact) || slices.Contains(rd.Facts, fact) {
				t.Errorf("%q: facts %v, denied %v; want %s denied", text, rd.Facts, rd.Negated, fact)
			}
		}
	}
}

// TestDenialValuesDeny: no WarningSign value that denies a sign, or turns
// one round ("hasn't had a fall"), reads as a sign itself: a device that
// keeps "not walking funny" whole must not tell a limp.
func TestDenialValuesDeny(t *testing.T) {
	for _, g := range SignGroups() {
		if !strings.HasPrefix(g.ID, "no-") && g.ID != "kept" {
			continue
		}
		for _, p := range g.Phrases {
			if rd := Read("my calf and " + p); len(rd.Facts) > 0 {
				t.Errorf("%s value %q reads as %v", g.ID, p, rd.Facts)
			}
		}
	}
}

// TestSignPartBack checks that the back travels in the WarningSign slots:
// a device that keeps "wet bed" from "woke up in a wet bed and my back's
// killing me" must keep "back" too, or the spinal-cord sign is lost.
func TestSignPartBack(t *testing.T) {
	if !slices.Contains(SignPhrases(), "back") {
		t.Fatal(`"back" is no WarningSign phrase`)
	}
	if rd := Read("sheets were soaked and back"); !slices.Contains(rd.Facts, "bladder_change") {
		t.Errorf("a wet bed kept with the back reads %v, want bladder_change", rd.Facts)
	}
}
