package intents

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/routine"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// routineRequest sends one intent of an open session whose context is c,
// from a device with a screen whose APL runtime is screen ("" for none),
// through the pipeline.
func routineRequest(t *testing.T, sk *skill.Skill, c *session.Context, intent string, slots map[string]alexa.Slot, screen string) *alexa.ResponseEnvelope {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var attr any
	if err := json.Unmarshal(b, &attr); err != nil {
		t.Fatal(err)
	}
	env := &alexa.RequestEnvelope{Session: &alexa.Session{
		SessionID:  "s",
		Attributes: map[string]any{skill.AttrContext: attr},
	}}
	env.Request.Type = alexa.TypeIntent
	env.Request.Locale = "en-US"
	env.Request.Intent = &alexa.Intent{Name: intent, Slots: slots}
	if screen != "" {
		env.Context.System.Device.SupportedInterfaces = map[string]json.RawMessage{alexa.InterfaceAPL: json.RawMessage(`{"runtime":{"maxVersion":"` + screen + `"}}`)}
	}
	resp, err := sk.Handle(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func routineSkill(t *testing.T) *skill.Skill {
	return newSkill(t, Options{})
}

// routineSlot is StartRoutineIntent's slot as a device fills it when the
// name resolves to routine id.
func routineSlot(id string) map[string]alexa.Slot {
	return map[string]alexa.Slot{slotRoutine: {
		Name:  slotRoutine,
		Value: id,
		Resolutions: &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{{
			Status: alexa.ResolutionStatus{Code: alexa.ResolutionMatch},
			Values: []alexa.ResolutionValue{{Value: alexa.ResolvedValue{Name: id, ID: id}}},
		}}},
	}}
}

// TestRoutineStepsSpoken checks every step of every routine as the skill
// sends it, at every pace and in every voice, the first step after a yes to
// "Ready?": well-formed SSML, no break over Alexa's 10 s, under 8,000
// characters with nothing dropped, the silence within routine.MaxPause, the
// whole within routine.MaxSpeech, at most content.MaxWords spoken words
// with the question, and the question after the step as the reprompt.
func TestRoutineStepsSpoken(t *testing.T) {
	sk := routineSkill(t)
	voices := []session.Voice{session.VoiceSoft, session.VoiceNormal, session.VoiceWhisper}
	checked := 0
	for _, id := range routines.IDs() {
		rt, _ := routines.Get(id)
		for i := range rt.Steps {
			for _, pace := range routines.Paces() {
				for _, voice := range voices {
					where := fmt.Sprintf("%s step %d pace %v voice %s", id, i+1, pace, voice)
					c := &session.Context{Voice: voice, Routine: &session.Routine{ID: id, Step: i, Pace: pace}}
					intent, slots := IntentRepeat, map[string]alexa.Slot(nil)
					if i == 0 {
						// A yes to "Ready?".
						c.Pending = questionReady
						intent = IntentYes
					}
					resp := routineRequest(t, sk, c, intent, slots, "")
					checkStepSpeech(t, where, resp, rt, i, pace)
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no steps checked")
	}
}

func checkStepSpeech(t *testing.T, where string, resp *alexa.ResponseEnvelope, rt routine.Routine, i int, pace float64) {
	t.Helper()
	out := resp.Response.OutputSpeech
	if out == nil || out.Type != alexa.SpeechSSML {
		t.Errorf("%s: no SSML speech", where)
		return
	}
	if err := wellFormed(out.SSML); err != nil {
		t.Errorf("%s: %v\n%s", where, err, out.SSML)
		return
	}
	if n := len(out.SSML); n >= alexa.MaxSSML {
		t.Errorf("%s: %d characters, Alexa allows under %d", where, n, alexa.MaxSSML)
	}
	text := spokenText(out.SSML)
	s := rt.Steps[i]
	if !strings.Contains(text, s.Say) {
		t.Errorf("%s: the instruction is missing (something was dropped to fit):\n%s", where, text)
	}
	breaks, err := ssmlBreaks(out.SSML)
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	var silence time.Duration
	for _, d := range breaks {
		if d <= 0 || d > alexa.MaxBreak {
			t.Errorf("%s: a break of %v; Alexa allows up to %v", where, d, alexa.MaxBreak)
		}
		silence += d
	}
	if silence < routines.Hold(s, pace) {
		t.Errorf("%s: %v of breaks for a %v hold", where, silence, routines.Hold(s, pace))
	}
	if silence > routine.MaxPause {
		t.Errorf("%s: %v of silence, at most %v", where, silence, routine.MaxPause)
	}
	if d := routine.Talk(text) + silence; d > routine.MaxSpeech {
		t.Errorf("%s: about %v to say, Alexa plays at most %v", where, d, routine.MaxSpeech)
	}
	re := resp.Response.Reprompt
	if re == nil || !strings.Contains(spokenText(re.OutputSpeech.SSML), "?") {
		t.Errorf("%s: the step's question is not the reprompt: %+v", where, re)
	}
	if n := alexa.CountWords(text); n > content.MaxWords {
		t.Errorf("%s: %d spoken words, at most %d: %s", where, n, content.MaxWords, text)
	}
}

// TestRoutineReadyTurn: starting a routine, by name or afresh keeping the
// pace of the one before, says its intro and the controls and asks
// "Ready?", within content.MaxWords, with no hold counted; "go back" on
// the first step, which adds a line, stays within it too.
func TestRoutineReadyTurn(t *testing.T) {
	sk := routineSkill(t)
	lib := library(t)
	ready := lib.Get(questionReady).Ask
	for _, id := range routines.IDs() {
		rt, _ := routines.Get(id)
		c := &session.Context{Routine: &session.Routine{ID: routineDefault, Step: 2, Done: []int{0, 1, 2}, Pace: 1.5}}
		resp := routineRequest(t, sk, c, IntentStartRoutine, routineSlot(id), "")
		text := spokenText(resp.Response.OutputSpeech.SSML)
		if !strings.Contains(text, rt.Intro) || !strings.HasSuffix(text, ready) || strings.Contains(text, rt.Steps[0].Say) {
			t.Errorf("%s: first turn %q, want the intro and %q, and no step", id, text, ready)
		}
		if n := alexa.CountWords(text); n > content.MaxWords {
			t.Errorf("%s: first turn %d spoken words, at most %d: %s", id, n, content.MaxWords, text)
		}
		c = &session.Context{Routine: &session.Routine{ID: id, Done: []int{0}}, Pending: "routine.continue"}
		resp = routineRequest(t, sk, c, IntentPrevious, nil, "")
		text = spokenText(resp.Response.OutputSpeech.SSML)
		if !strings.Contains(text, rt.Steps[0].Say) {
			t.Errorf("%s: go back on the first step: %q", id, text)
		}
		if n := alexa.CountWords(text); n > content.MaxWords {
			t.Errorf("%s: go back on the first step: %d spoken words: %s", id, n, text)
		}
	}
}

// ssmlBreaks returns the durations of an SSML document's breaks.
func ssmlBreaks(doc string) ([]time.Duration, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []time.Duration
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "break" {
			continue
		}
		var v string
		for _, a := range el.Attr {
			if a.Name.Local == "time" {
				v = a.Value
			}
		}
		dur, err := time.ParseDuration(v)
		if err != nil {
			return nil, fmt.Errorf("break time %q: %w", v, err)
		}
		out = append(out, dur)
	}
}

// spokenText is what an SSML document says, tags dropped, entities
// decoded, spaces folded.
func spokenText(doc string) string {
	d := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch el := tok.(type) {
		case xml.CharData:
			b.Write(el)
		case xml.StartElement, xml.EndElement:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestSSMLHelpersCatchProblems keeps the helpers above honest.
func TestSSMLHelpersCatchProblems(t *testing.T) {
	got, err := ssmlBreaks(`<speak>a<break time="10000ms"/>b<break time="2s"/></speak>`)
	if err != nil || !slices.Equal(got, []time.Duration{10 * time.Second, 2 * time.Second}) {
		t.Errorf("ssmlBreaks = %v, %v", got, err)
	}
	if _, err := ssmlBreaks(`<speak><break time="long"/></speak>`); err == nil {
		t.Error("ssmlBreaks accepted a break without a duration")
	}
	if got := spokenText(`<speak><prosody volume="soft">Tom &amp; <break time="1s"/>Jerry</prosody></speak>`); got != "Tom & Jerry" {
		t.Errorf("spokenText = %q", got)
	}
}

// TestRoutineScreens: a step comes with the APL countdown on a device with
// a screen, and with no APL on one without; replies that say no step
// (pause, which step, stop) carry none either way.
func TestRoutineScreens(t *testing.T) {
	sk := routineSkill(t)
	tests := []struct {
		intent string
		step   bool
	}{
		{IntentRepeat, true},
		{IntentNext, true},
		{IntentPrevious, true},
		{IntentStartOver, true},
		{IntentResume, true},
		{IntentPause, false},
		{IntentWhichStep, false},
		{IntentSlower, false},
		{IntentStop, false},
	}
	for _, tt := range tests {
		// A current screen, one as old as the document's release, one
		// older (a first Echo Show's 1.0), and none.
		for _, screen := range []string{"2023.3", routine.APLVersion, "1.0", ""} {
			c := &session.Context{Routine: &session.Routine{ID: "calf-lying", Step: 1}, Pending: "routine.continue"}
			resp := routineRequest(t, sk, c, tt.intent, nil, screen)
			var docs []routine.RenderDocument
			for _, d := range resp.Response.Directives {
				b, err := json.Marshal(d)
				if err != nil {
					t.Fatal(err)
				}
				var rd routine.RenderDocument
				if err := json.Unmarshal(b, &rd); err != nil {
					t.Fatal(err)
				}
				if rd.Type == alexa.DirectiveRenderDocument {
					docs = append(docs, rd)
				}
			}
			want := 0
			if tt.step && screen != "" && screen != "1.0" {
				want = 1
			}
			if len(docs) != want {
				t.Errorf("%s, screen %q: %d APL documents, want %d", tt.intent, screen, len(docs), want)
				continue
			}
			if want == 1 {
				var doc struct{ Type, Version string }
				if err := json.Unmarshal(docs[0].Document, &doc); err != nil || doc.Type != "APL" || docs[0].Token == "" || !alexa.APLVersionAtMost(doc.Version, screen) {
					t.Errorf("%s: APL document %s %s (%v), token %q", tt.intent, doc.Type, doc.Version, err, docs[0].Token)
				}
				if _, ok := docs[0].Datasources["step"]; !ok {
					t.Errorf("%s: no step data source", tt.intent)
				}
			}
		}
	}
}

// TestRoutineNames: the RoutineName slot offers exactly the routines.
func TestRoutineNames(t *testing.T) {
	if got, want := slotValueIDs(t, "RoutineName"), routines.IDs(); !slices.Equal(got, want) {
		t.Errorf("RoutineName values %v, routines %v", got, want)
	}
	if _, ok := routines.Get(routineDefault); !ok {
		t.Errorf("default routine %q does not exist", routineDefault)
	}
}

// TestRoutineIntentsHandled: every intent of the routines' model fragment
// has a handler, and the model has them all.
func TestRoutineIntentsHandled(t *testing.T) {
	r := New(library(t))
	m, err := infra.Model("en-US")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range m.Intents {
		names = append(names, alexa.Builtin(in.Name))
	}
	for _, name := range []string{IntentStartRoutine, IntentSlower, IntentFaster, IntentWhichStep, IntentNext, IntentPrevious, IntentRepeat, IntentPause, IntentResume, IntentStartOver} {
		if !r.Handles(name) {
			t.Errorf("%s has no handler", name)
		}
		if !slices.Contains(names, name) {
			t.Errorf("%s is not in the en-US model", name)
		}
	}
}

// TestModelIntentsHandled: every intent a device can send, in every
// locale's model, reaches a handler of its own (a stand-in, its
// built-in's), not the router's fallback.
func TestModelIntentsHandled(t *testing.T) {
	r := New(library(t))
	locales, err := infra.Locales()
	if err != nil {
		t.Fatal(err)
	}
	for _, locale := range locales {
		m, err := infra.Model(locale)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range m.Intents {
			if !r.Handles(alexa.Builtin(in.Name)) {
				t.Errorf("%s: %s has no handler", locale, in.Name)
			}
		}
	}
}

// TestOfferedRoutinesExist checks the routine named in every call that
// offers one: offerRoutine, and any function that passes one of its own
// parameters on as the routine to offer (the routine named in its calls is
// checked instead).
func TestOfferedRoutinesExist(t *testing.T) {
	files := sourceFiles(t)
	fset := token.NewFileSet()
	var funcs []*ast.FuncDecl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				funcs = append(funcs, fd)
			}
		}
	}
	// offers maps a function to the index of its routine argument.
	offers := map[string]int{"offerRoutine": 1}
	// routineArg returns a call's routine argument if it calls an offer.
	routineArg := func(call *ast.CallExpr) (ast.Expr, bool) {
		var name string
		switch f := call.Fun.(type) {
		case *ast.SelectorExpr:
			name = f.Sel.Name
		case *ast.Ident:
			name = f.Name
		}
		i, ok := offers[name]
		if !ok || i >= len(call.Args) {
			return nil, false
		}
		return call.Args[i], true
	}
	// param returns the index of fd's parameter called name.
	param := func(fd *ast.FuncDecl, name string) (int, bool) {
		i := 0
		for _, field := range fd.Type.Params.List {
			for _, n := range field.Names {
				if n.Name == name {
					return i, true
				}
				i++
			}
		}
		return 0, false
	}
	for changed := true; changed; {
		changed = false
		for _, fd := range funcs {
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				arg, ok := routineArg(call)
				id, isIdent := arg.(*ast.Ident)
				if !ok || !isIdent {
					return true
				}
				if i, ok := param(fd, id.Name); ok {
					if _, known := offers[fd.Name.Name]; !known {
						offers[fd.Name.Name] = i
						changed = true
					}
				}
				return true
			})
		}
	}
	named := 0
	for _, fd := range funcs {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			arg, ok := routineArg(call)
			if !ok {
				return true
			}
			if id, ok := arg.(*ast.Ident); ok {
				if _, fwd := param(fd, id.Name); fwd {
					return true // checked where fd is called
				}
			}
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the routine offered is not a string literal, so it cannot be checked", fset.Position(call.Pos()))
				return true
			}
			named++
			id, _ := strconv.Unquote(lit.Value)
			if _, ok := routines.Get(id); !ok {
				t.Errorf("%s: offers routine %q, which does not exist", fset.Position(call.Pos()), id)
			}
			return true
		})
	}
	if named == 0 {
		t.Error("no conversation offers a routine")
	}
}
