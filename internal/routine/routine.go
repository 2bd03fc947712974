// Package routine holds Night Legs' guided stretch routines and says them
// so a listener lying in the dark can follow by ear alone: each step's
// instruction, a moment to get into position, then the hold counted out
// softly in the speech itself ("ten... twenty... and release").
//
// Everything a clinician would review is data in data/routines.yaml: the
// routines, their steps (instruction, hold, side, sources), the counting
// words, the paces "slower" and "faster" step through, and the card text.
// go generate checks it all and writes it out as Go (data_gen.go), so a
// malformed routine fails the build's tests, never a listener at 3 a.m.,
// and start-up parses nothing.
package routine

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"
)

// MaxWords is the most one instruction or intro may say: a listener half
// asleep must take it in before the hold starts.
const MaxWords = 40

// Sides a step works on.
const (
	Left  = "left"
	Right = "right"
	Both  = "both"
)

// Step is one stretch or movement of a routine.
type Step struct {
	// Say is the spoken instruction.
	Say string `yaml:"say"`
	// Label names the step on the card and the screen ("Left calf").
	Label string `yaml:"label"`
	// Hold is how long the stretch is held, in seconds, at the normal pace.
	Hold int `yaml:"hold"`
	// Side is Left, Right or Both.
	Side string `yaml:"side"`
	// Begin and End, if set, replace the counting's words said as the hold
	// starts and ends (a movement is kept going, not held).
	Begin string `yaml:"begin"`
	End   string `yaml:"end"`
	// Sources cite where the instruction comes from.
	Sources []string `yaml:"sources"`
}

// Routine is a named sequence of steps.
type Routine struct {
	ID string `yaml:"-"`
	// Name is how the routine is spoken of: "the calf stretch".
	Name string `yaml:"name"`
	// Title heads the card and the screen.
	Title string `yaml:"title"`
	// Intro is said before the first step when the routine starts.
	Intro string `yaml:"intro"`
	// Outro is said when the last step is done.
	Outro string `yaml:"outro"`
	// Advice goes on the card: when to stop, when to see a doctor.
	Advice  string   `yaml:"advice"`
	Steps   []Step   `yaml:"steps"`
	Sources []string `yaml:"sources"`
}

// Counting is how a hold is counted out.
type Counting struct {
	// Every is the seconds between soft counts.
	Every int `yaml:"every"`
	// Settle is the seconds of quiet after the instruction, to get into
	// position before the hold starts.
	Settle int `yaml:"settle"`
	// Begin is said as the hold starts, End as it ends.
	Begin string `yaml:"begin"`
	End   string `yaml:"end"`
	// Counts are said every Every seconds: "ten...", "twenty...".
	Counts []string `yaml:"counts"`
}

// Card is the wording of the card sent when a routine ends.
type Card struct {
	Title  string            `yaml:"title"`
	Done   string            `yaml:"done"`
	Step   string            `yaml:"step"`
	None   string            `yaml:"none"`
	Advice string            `yaml:"advice"`
	Levels map[string]string `yaml:"levels"`
}

// file is data/routines.yaml.
type file struct {
	Counting Counting           `yaml:"counting"`
	Paces    []float64          `yaml:"paces"`
	MinHold  int                `yaml:"min_hold"`
	Numbers  []string           `yaml:"numbers"`
	Phrases  map[string]string  `yaml:"phrases"`
	Screen   map[string]string  `yaml:"screen"`
	Card     Card               `yaml:"card"`
	Sources  []string           `yaml:"sources"`
	Routines map[string]Routine `yaml:"routines"`
}

// Library is every routine, with how they are said.
type Library struct {
	f   file
	apl []byte // the APL document shown on screens
}

// Phrases every library must have, filled with Fill.
var phrases = []string{"resume", "where", "paused"}

// Screen texts every library must have.
var screenTexts = []string{"position"}

// builtIn, every routine, is declared in data_gen.go: load's result for
// data/, written out as Go by go generate (see internal/golit).
// TestGenerated fails when it no longer matches the data.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// Default returns the library built into the binary. It never fails: the
// data was checked when it was generated, and again by the tests.
func Default() (*Library, error) { return builtIn, nil }

// MustDefault is Default for package-level variables.
func MustDefault() *Library { return builtIn }

// decoder decodes a YAML document into v, refusing fields v has not
// (golit.Decode).
type decoder func(b []byte, v any) error

// load reads and checks data/routines.yaml and data/apl.json of fsys: go
// generate and the tests run it.
func load(fsys fs.FS, decode decoder) (*Library, error) {
	b, err := fs.ReadFile(fsys, "data/routines.yaml")
	if err != nil {
		return nil, fmt.Errorf("read routines: %w", err)
	}
	apl, err := fs.ReadFile(fsys, "data/apl.json")
	if err != nil {
		return nil, fmt.Errorf("read screen document: %w", err)
	}
	return parse(b, apl, decode)
}

func parse(b, apl []byte, decode decoder) (*Library, error) {
	var f file
	if err := decode(b, &f); err != nil {
		return nil, fmt.Errorf("decode routines: %w", err)
	}
	l := &Library{f: f, apl: apl}
	if err := l.check(); err != nil {
		return nil, fmt.Errorf("routines: %w", err)
	}
	if err := checkDocument(apl); err != nil {
		return nil, fmt.Errorf("screen document: %w", err)
	}
	for id, r := range l.f.Routines {
		r.ID = id
		l.f.Routines[id] = r
	}
	return l, nil
}

func words(s string) int { return len(strings.Fields(s)) }

func (l *Library) check() error {
	c := l.f.Counting
	switch {
	case c.Every <= 0 || c.Settle < 0:
		return fmt.Errorf("counting: every must be positive and settle not negative")
	case c.Begin == "" || c.End == "" || len(c.Counts) == 0:
		return fmt.Errorf("counting: needs begin, end and counts")
	case len(l.f.Paces) == 0 || !slices.Contains(l.f.Paces, 1):
		return fmt.Errorf("paces: must include 1, the normal pace")
	case !slices.IsSorted(l.f.Paces) || l.f.Paces[0] <= 0:
		return fmt.Errorf("paces: must be positive and in rising order")
	case l.f.MinHold <= 0:
		return fmt.Errorf("min_hold must be positive")
	case len(l.f.Sources) == 0:
		return fmt.Errorf("the counting and paces cite no source")
	case len(l.f.Routines) == 0:
		return fmt.Errorf("no routines")
	}
	for _, p := range phrases {
		if l.f.Phrases[p] == "" {
			return fmt.Errorf("phrase %q is missing", p)
		}
	}
	for _, p := range screenTexts {
		if l.f.Screen[p] == "" {
			return fmt.Errorf("screen text %q is missing", p)
		}
	}
	cd := l.f.Card
	if cd.Title == "" || cd.Done == "" || cd.Step == "" || cd.None == "" || cd.Advice == "" {
		return fmt.Errorf("card: needs title, done, step, none and advice")
	}
	for id, r := range l.f.Routines {
		if err := l.checkRoutine(r); err != nil {
			return fmt.Errorf("routine %q: %w", id, err)
		}
	}
	return nil
}

func (l *Library) checkRoutine(r Routine) error {
	switch {
	case r.Name == "" || r.Title == "" || r.Intro == "" || r.Outro == "" || r.Advice == "":
		return fmt.Errorf("needs name, title, intro, outro and advice")
	case len(r.Sources) == 0:
		return fmt.Errorf("cites no source")
	case len(r.Steps) == 0:
		return fmt.Errorf("has no steps")
	case len(r.Steps) > len(l.f.Numbers):
		return fmt.Errorf("%d steps, but numbers only go to %d", len(r.Steps), len(l.f.Numbers))
	}
	for _, s := range []string{r.Intro, r.Outro} {
		if w := words(s); w > MaxWords {
			return fmt.Errorf("%d words in %q; at most %d", w, s, MaxWords)
		}
	}
	maxPace := l.f.Paces[len(l.f.Paces)-1]
	for i, s := range r.Steps {
		n := i + 1
		switch {
		case s.Say == "" || s.Label == "":
			return fmt.Errorf("step %d: needs say and label", n)
		case words(s.Say) > MaxWords:
			return fmt.Errorf("step %d: %d words; at most %d", n, words(s.Say), MaxWords)
		case s.Side != Left && s.Side != Right && s.Side != Both:
			return fmt.Errorf("step %d: side %q is not left, right or both", n, s.Side)
		case s.Hold < l.f.MinHold:
			return fmt.Errorf("step %d: hold %ds is under min_hold", n, s.Hold)
		case len(s.Sources) == 0:
			return fmt.Errorf("step %d: cites no source", n)
		}
		// The longest hold must have words to count it out.
		if need := (l.holdSeconds(s, maxPace) - 1) / l.f.Counting.Every; need > len(l.f.Counting.Counts) {
			return fmt.Errorf("step %d: a %ds hold needs %d counts; there are %d", n, l.holdSeconds(s, maxPace), need, len(l.f.Counting.Counts))
		}
		if p := l.StepPause(s, maxPace); p > MaxPause {
			return fmt.Errorf("step %d: %v of silence at the slowest pace; at most %v", n, p, MaxPause)
		}
	}
	return nil
}

// Get returns the routine with the given ID.
func (l *Library) Get(id string) (Routine, bool) {
	r, ok := l.f.Routines[id]
	return r, ok
}

// IDs lists the routine IDs, sorted.
func (l *Library) IDs() []string {
	ids := make([]string, 0, len(l.f.Routines))
	for id := range l.f.Routines {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Number returns the spoken number n (1-based): "three".
func (l *Library) Number(n int) string {
	if n >= 1 && n <= len(l.f.Numbers) {
		return l.f.Numbers[n-1]
	}
	return fmt.Sprint(n)
}

// Phrase returns a phrase of the data ("resume", "where", "paused") filled
// with the position in routine r: {n} and {total} as spoken numbers,
// {routine} its name, {label} the step's label.
func (l *Library) Phrase(name string, r Routine, step int) string {
	return l.fill(l.f.Phrases[name], r, step, true)
}

func (l *Library) fill(text string, r Routine, step int, spoken bool) string {
	n, total := fmt.Sprint(step+1), fmt.Sprint(len(r.Steps))
	if spoken {
		n, total = l.Number(step+1), l.Number(len(r.Steps))
	}
	label := ""
	if step >= 0 && step < len(r.Steps) {
		label = r.Steps[step].Label
		if spoken {
			// Said mid-sentence: "step two of four of the calf stretch:
			// right calf".
			label = strings.ToLower(label)
		}
	}
	return strings.NewReplacer(
		"{n}", n, "{total}", total, "{routine}", r.Name, "{title}", r.Title, "{label}", label,
	).Replace(text)
}

// Paces lists the hold multipliers, shortest holds first.
func (l *Library) Paces() []float64 { return slices.Clone(l.f.Paces) }

// Pace returns p as a known pace: 0 (unset) and unknown values become 1.
func (l *Library) Pace(p float64) float64 {
	if slices.Contains(l.f.Paces, p) {
		return p
	}
	return 1
}

// Slower returns the next longer-hold pace after p, and false if p is
// already the longest.
func (l *Library) Slower(p float64) (float64, bool) {
	i := slices.Index(l.f.Paces, l.Pace(p))
	if i+1 >= len(l.f.Paces) {
		return l.f.Paces[i], false
	}
	return l.f.Paces[i+1], true
}

// Faster returns the next shorter-hold pace before p, and false if p is
// already the shortest.
func (l *Library) Faster(p float64) (float64, bool) {
	i := slices.Index(l.f.Paces, l.Pace(p))
	if i == 0 {
		return l.f.Paces[0], false
	}
	return l.f.Paces[i-1], true
}

// holdSeconds is a step's hold at pace p, in whole seconds, never under
// min_hold.
func (l *Library) holdSeconds(s Step, p float64) int {
	h := int(float64(s.Hold)*l.Pace(p) + 0.5)
	return max(h, l.f.MinHold)
}

// Hold returns how long step s is held at pace p.
func (l *Library) Hold(s Step, p float64) time.Duration {
	return time.Duration(l.holdSeconds(s, p)) * time.Second
}
