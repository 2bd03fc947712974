package intents

import (
	"encoding/xml"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// newSkill builds the skill with NewSkill, as main does.
func newSkill(t testing.TB, o Options) *skill.Skill {
	t.Helper()
	sk, err := NewSkill(o)
	if err != nil {
		t.Fatal(err)
	}
	return sk
}

func library(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// everyone is every way a text can be filled in: the listener, and each
// person and subject in people.yaml.
func everyone() map[string]map[string]string {
	all := map[string]map[string]string{"self": forms(subjectSelf, "", "")}
	for id, p := range people.People {
		all["person "+id] = forms(p.Subject, id, "")
	}
	for sub := range people.Subjects {
		all["subject "+sub] = forms(sub, "", "")
	}
	return all
}

// TestTextsSpeakable checks every content text as it is spoken, for whoever
// it is about: it cites a source, fits the spoken length, fills every
// placeholder, and is valid SSML once built the way the pipeline builds it.
func TestTextsSpeakable(t *testing.T) {
	lib := library(t)
	for _, id := range lib.IDs() {
		txt := lib.Get(id)
		if len(txt.Sources) == 0 {
			t.Errorf("%s cites no source", id)
		}
		for who, f := range everyone() {
			var lines []string
			for _, l := range txt.Say {
				lines = append(lines, fill(l, f))
			}
			ask := fill(txt.Ask, f)
			filled := content.Text{Say: lines, Ask: ask}
			if w := filled.Words(); w > content.MaxWords {
				t.Errorf("%s about %s: %d words, at most %d", id, who, w, content.MaxWords)
			}
			for _, l := range append(lines, ask) {
				if m := objectSubject.FindString(l); m != "" {
					t.Errorf("%s about %s: %q: the object is {them}, not {you}", id, who, m)
				}
				if left := unfilled(l, saidAsIs(id)); left != "" {
					t.Errorf("%s about %s: unfilled %s in %q", id, who, left, l)
				}
			}
			for name, build := range voices {
				b := &alexa.SSML{}
				build(b, func(b *alexa.SSML) {
					for _, l := range lines {
						b.Say(l)
					}
					b.Pause(dialog.TextPause)
					b.Say(ask)
				})
				if err := wellFormed(b.String()); err != nil {
					t.Errorf("%s about %s in %s voice: %v\n%s", id, who, name, err, b)
				}
			}
		}
	}
}

// objectSubject finds he, she or they where only an object fits: after a
// verb that takes one or a preposition ("keeps she awake", "wakes he").
var objectSubject = regexp.MustCompile(`(?i)\b(keeps?|wakes?|lets?|helps?|makes?|tells?|asks?|gives?|stops?|from|for|with|to|at|about|of|by)\s+(he|she|they)\b`)

// filledHere are the namespaces of texts said only through say, reply and
// speech, which fill nothing but the person placeholders: any other brace
// left in them would be spoken. Texts of other namespaces may carry
// placeholders their own package fills ({number}, {nth}).
var filledHere = []string{"aches.", "questions.", "child.", "someone.", "voice.", "screen.", "cramp.", "welcome", "help", "goodbye", "fallback", "reprompt."}

// saidAsIs reports whether text id is said with only the person
// placeholders filled.
func saidAsIs(id string) bool {
	return slices.ContainsFunc(filledHere, func(ns string) bool { return strings.HasPrefix(id, ns) })
}

// unfilled returns what is left of a brace in a filled text, or "". Unless
// strict, placeholders another package fills are allowed, and only
// malformed braces count. The locale's words are filled as words does.
func unfilled(text string, strict bool) string {
	text = triage.Fill(text, "en-US")
	if !strict {
		text = placeholder().ReplaceAllString(text, "")
	}
	if i := strings.IndexAny(text, "{}"); i >= 0 {
		return text[i:min(len(text), i+12)]
	}
	return ""
}

// voices wrap speech as the pipeline does for each voice.
var voices = map[string]func(*alexa.SSML, func(*alexa.SSML)){
	"soft":    func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Prosody("90%", "soft", fn) },
	"normal":  func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Prosody("90%", "", fn) },
	"whisper": func(b *alexa.SSML, fn func(*alexa.SSML)) { b.Whisper(fn) },
}

// wellFormed parses an SSML document with encoding/xml and checks that it
// is one <speak> element.
func wellFormed(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if el.Name.Local != "speak" {
					return errors.New("root is <" + el.Name.Local + ">, not <speak>")
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && strings.TrimSpace(string(el)) != "" {
				return errors.New("text outside <speak>")
			}
		}
	}
	if roots != 1 {
		return errors.New("not exactly one <speak> element")
	}
	return nil
}

// TestWellFormedCatchesBadSSML keeps the SSML check honest.
func TestWellFormedCatchesBadSSML(t *testing.T) {
	for _, doc := range []string{
		"<speak>a & b</speak>",
		"<speak><prosody>a</speak>",
		"<speak>a</speak><speak>b</speak>",
		"<p>a</p>",
		"plain",
	} {
		if wellFormed(doc) == nil {
			t.Errorf("wellFormed(%q) = nil, want an error", doc)
		}
	}
	if err := wellFormed((&alexa.SSML{}).Say("Tom & Jerry's <legs>").String()); err != nil {
		t.Errorf("escaped text: %v", err)
	}
}

// TestReferencedTextsExist scans the conversations' Go source for the
// content IDs they say or ask, and checks that each exists, so a missing
// text fails here rather than as a panic mid-turn that the listener hears
// as an apology. Every dotted literal counts, wherever it is (a constant,
// a new helper's argument, part of a list): one that is not a text must be
// in notContent. Undotted IDs are the four in undotted, and only those.
func TestReferencedTextsExist(t *testing.T) {
	lib := library(t)
	refs := references(t)
	if len(refs) == 0 {
		t.Fatal("found no content references in intents/*.go")
	}
	for id, where := range refs {
		if !lib.Has(id) && !notContent[id] {
			t.Errorf("%s: no content text %q (if it is a key of another kind, add it to notContent)", where, id)
		}
	}
	for key := range notContent {
		if _, ok := refs[key]; !ok {
			t.Errorf("notContent: %q is no longer in intents/*.go: remove it", key)
		} else if lib.Has(key) {
			t.Errorf("notContent: %q is a content text too: rename the key", key)
		}
	}
	for _, id := range lib.IDs() {
		if !dotted.MatchString(id) && !slices.Contains(undotted, id) {
			t.Errorf("content text %q has no namespace (topic.name): the scan above cannot see it in Go code", id)
		}
	}
}

// notContent are dotted keys in intents/*.go that are not content texts:
// answers and state kept in the session context.
var notContent = map[string]bool{
	"cramp.part": true, "memory.night": true, "memory.was": true,
	"talk.held": true, "symptom.part": true, "routine.offered": true,
	"subject.person": true, "subject.part": true, "subject.pronoun": true, "talk.last": true,
	"talk.lastintent": true, "talk.sos": true, "talk.rest.at": true, "talk.rest.was": true, "talk.told": true, "talk.reasked": true, "talk.care": true, "talk.care.said": true, "talk.care.meanwhile": true, "talk.care.worse": true, "talk.care.at": true, "talk.care.for": true, "talk.told.list": true,
}

// undotted are the content texts without a namespace, said by the
// built-ins.
var undotted = []string{"fallback", "goodbye", "help", "welcome"}

// idLike is what a content ID looks like; dotted is one in a namespace
// ("aches.overuse"), as nearly all are.
var (
	idLike = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)
	dotted = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)
)

// sayers take content IDs as string arguments.
var sayers = map[string]bool{
	"say": true, "reply": true, "speech": true, "ask": true, "Get": true,
	"Has": true, "questionText": true,
}

// sourceFiles lists the conversations' Go files: this package's and the
// topic folders' (intents/*.go and intents/*/*.go).
func sourceFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.go", "*/*.go"} {
		f, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	return files
}

// references returns what looks like a content ID in intents/*.go and the
// topic folders' Go files (test files excluded), with where each is first named: every string literal
// passed to a function that says texts, and every dotted lower-case literal
// anywhere (a constant, an ID handed on to a helper, appended to what is
// said, or compared with the pending question). Keys of other kinds that
// look like IDs are listed in notContent.
func references(t *testing.T) map[string]string {
	t.Helper()
	files := sourceFiles(t)
	fset := token.NewFileSet()
	refs := map[string]string{}
	add := func(lit *ast.BasicLit, pattern *regexp.Regexp) {
		if lit.Kind != token.STRING {
			return
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil || !pattern.MatchString(v) || strings.HasPrefix(v, dialog.TriagePrefix) {
			return
		}
		if _, seen := refs[v]; !seen {
			refs[v] = fset.Position(lit.Pos()).String()
		}
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) || strings.Contains(name, "regen") || name == "hooks.go" {
			// The data's files: TestGenerated and the data's tests check
			// what they hold.
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				fn := ""
				switch f := x.Fun.(type) {
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				case *ast.Ident:
					fn = f.Name
				}
				for _, arg := range x.Args {
					ast.Inspect(arg, func(n ast.Node) bool {
						if lit, ok := n.(*ast.BasicLit); ok && sayers[fn] {
							add(lit, idLike)
						}
						return true
					})
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok {
				add(lit, dotted)
			}
			return true
		})
	}
	return refs
}

// TestNoQuinine: the skill never suggests quinine or tonic water for
// cramps; a text may name them only to say never.
func TestNoQuinine(t *testing.T) {
	lib := library(t)
	for _, id := range lib.IDs() {
		txt := lib.Get(id)
		for _, l := range append(txt.Say, txt.Ask) {
			low := strings.ToLower(l)
			if (strings.Contains(low, "quinine") || strings.Contains(low, "tonic water")) && !strings.Contains(low, "never") {
				t.Errorf("%s mentions quinine or tonic water other than as never: %q", id, l)
			}
		}
	}
}

// TestPeople checks people.yaml: it loads, every person speaks in a known
// pronoun set, and the Person slot type offers exactly its people.
func TestPeople(t *testing.T) {
	if _, err := loadPeople(peopleYAML, golit.Decode); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"pronouns: {you: {you: you}}\npeople: {son: {subject: kid, pronoun: you, who: x}}\n",
		"pronouns: {you: {you: you}, he: {}}\n",
		"pronouns: {you: {you: you}}\npeople: {son: {subject: child, pronoun: it, who: x}}\n",
		"pronouns: {you: {you: you}}\nextra: 1\n",
	} {
		if _, err := loadPeople([]byte(bad), golit.Decode); err == nil {
			t.Errorf("loadPeople accepted %q", bad)
		}
	}
	var ids []string
	for id := range people.People {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	got := slotValueIDs(t, "Person")
	if strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("Person slot values %v, people.yaml %v", got, ids)
	}
}

// TestFill checks the wording for another person.
func TestFill(t *testing.T) {
	tests := []struct {
		subject, person, heard, text, want string
	}{
		{"", "", "", "{Were} {you} on {your} feet?", "Were you on your feet?"},
		{"self", "", "", "Rub {your} legs; help {them}.", "Rub your legs; help you."},
		{"child", "son", "", "{Were} {you} on {your} feet, and {are} {who} ok?", "Was he on his feet, and is your son ok?"},
		{"partner", "wife", "", "Here's what to tell {them}.", "Here's what to tell her."},
		{"child", "", "", "{Have} {you} had water? Ask {who}.", "Have they had water? Ask your child."},
		{"parent", "son", "", "help {them}", "help them"}, // person does not fit the subject
		{"other", "", "", "no placeholders", "no placeholders"},
		{"child", "son", "", "{Are} {you} ok? Call {number}.", "Is he ok? Call {number}."},   // triage fills {number}
		{"other", "friend", "she", "Ease {your} legs.", "Ease her legs."},                    // "her sciatica" said of a friend
		{"partner", "wife", "he", "Here's what to tell {them}.", "Here's what to tell her."}, // only "they" gives way
	}
	for _, tt := range tests {
		if got := fill(tt.text, forms(tt.subject, tt.person, tt.heard)); got != tt.want {
			t.Errorf("fill(%q) about %s/%s = %q, want %q", tt.text, tt.subject, tt.person, got, tt.want)
		}
	}
}

// slotValueIDs lists the value IDs of a slot type in the en-US model.
func slotValueIDs(t *testing.T, typ string) []string {
	t.Helper()
	m, err := infra.Model("en-US")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, st := range m.Types {
		if st.Name == typ {
			for _, v := range st.Values {
				ids = append(ids, v.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// TestComplaints checks that each complaint people.yaml hands over is a
// value of the Complaint slot type and goes to a registered intent.
func TestComplaints(t *testing.T) {
	r := New(library(t))
	values := slotValueIDs(t, "Complaint")
	for id, intent := range people.Complaints {
		if !slices.Contains(values, id) {
			t.Errorf("complaint %s is not a Complaint slot value", id)
		}
		if !r.Handles(intent) {
			t.Errorf("complaint %s goes to %s, which is not registered", id, intent)
		}
	}
}

// TestScreens checks screens.yaml: it loads (every question is triage's),
// every topic it names is a conversation, and every "I don't know" text
// exists.
func TestScreens(t *testing.T) {
	if _, err := loadScreens(screensYAML, golit.Decode); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"screens: {aches: [triage.no_such_question]}\n",
		"screens: {aches: [emergency]}\n",
		"unsure: {triage.no_such_question: screen.unsure.emergency}\n",
		"screen: {}\n",
	} {
		if _, err := loadScreens([]byte(bad), golit.Decode); err == nil {
			t.Errorf("loadScreens accepted %q", bad)
		}
	}
	lib := library(t)
	s := newSet(lib)
	s.registerSomeone(router.New(nil))
	for _, register := range topics {
		register(s, router.New(nil))
	}
	for topic := range screens.Screens {
		if _, ok := s.answers[topic]; !ok {
			t.Errorf("screens.yaml names topic %q, which takes no answers", topic)
		}
	}
	for q, id := range screens.Unsure {
		if !lib.Has(id) {
			t.Errorf("unsure text %q for %s does not exist", id, q)
		}
	}
	if _, ok := triage.Lookup(dialog.ScreenFrequent); !ok {
		t.Errorf("%s is not a triage screening question", dialog.ScreenFrequent)
	}
}

// TestScreeningQuestionsFill checks that triage's screening questions, which
// conversations speak about whom they are about, use only placeholders
// people.yaml fills, and are valid SSML once filled.
func TestScreeningQuestionsFill(t *testing.T) {
	for _, id := range triage.Questions() {
		for who, f := range everyone() {
			q := fill(triage.Question(id), f)
			if left := unfilled(q, true); left != "" {
				t.Errorf("%s about %s: unfilled %s in %q", id, who, left, q)
			}
			if err := wellFormed((&alexa.SSML{}).Say(q).String()); err != nil {
				t.Errorf("%s about %s: %v", id, who, err)
			}
		}
	}
}

// TestAgree checks that plain verbs after {you} agree with he and she.
func TestAgree(t *testing.T) {
	tests := []struct {
		pronoun, text, want string
	}{
		{"he", "Is {your} foot dragging when {you} walk?", "Is his foot dragging when he walks?"},
		{"she", "From what {you} describe, it sounds like it.", "From what she describes, it sounds like it."},
		{"he", "stiff when {you} first get up", "stiff when he first gets up"},
		{"she", "Until {you} see the doctor, rest.", "Until she sees the doctor, rest."},
		{"he", "Can {you} put weight on it?", "Can he put weight on it?"},
		{"he", "Would {you} like a tip?", "Would he like a tip?"},
		{"he", "{Do} {you} feel faint?", "Does he feel faint?"},
		{"she", "{Have} {you} had a baby?", "Has she had a baby?"},
		{"he", "{You} walk every day.", "He walks every day."},
		{"they", "when {you} walk", "when they walk"},
		{"you", "when {you} walk", "when you walk"},
		{"he", "{you} walk and {you} sit", "he walks and he sits"},
	}
	for _, tt := range tests {
		f := forms(subjectOther, "", "")
		for k, v := range people.Pronouns[tt.pronoun] {
			f[k] = v
		}
		delete(f, agreeKey)
		if slices.Contains(people.Agree, tt.pronoun) {
			f[agreeKey] = "yes"
		}
		if got := fill(tt.text, f); got != tt.want {
			t.Errorf("fill(%q) for %s = %q, want %q", tt.text, tt.pronoun, got, tt.want)
		}
	}
}

// TestConceptsRouted checks that every talk.yaml concept names an intent
// the skill handles: a stand-in's name ("GoodnightIntent") is not one,
// its built-in is, and a concept that named it would fall to the
// complaint path unnoticed.
func TestConceptsRouted(t *testing.T) {
	r := New(library(t))
	for i, c := range talk.Concepts {
		if !r.Handles(c.Intent) {
			t.Errorf("talk.yaml: concept %d goes to %s, which is not registered", i, c.Intent)
		}
	}
}

// TestNoDeadCues: the first concept whose cue fits answers, so a cue that
// an earlier concept of the same intent already holds, as widely (its
// complaint and routine readings), is never read.
func TestNoDeadCues(t *testing.T) {
	for j, later := range talk.Concepts {
		for _, cue := range later.Cues {
			for i, earlier := range talk.Concepts[:j] {
				wide := (!earlier.Routine || later.Routine) && (earlier.Complaint || !later.Complaint)
				if earlier.Intent == later.Intent && wide && slices.Contains(earlier.Cues, cue) {
					t.Errorf("talk.yaml: cue %q of concept %d (%s) is already concept %d's", cue, j, later.Intent, i)
				}
			}
		}
	}
}
