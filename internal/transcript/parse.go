// Package transcript runs conversation tests written the way a reviewer
// reads them: what the listener says, what the skill must and must not say,
// and whether the session stays open. Each line goes through the simulated
// device (package device), so a transcript exercises the interaction model,
// the JSON interface and the whole pipeline, exactly as the console does.
//
// The format, one directive a line:
//
//	# a comment
//	@locale en-GB      header: the sessions' locale (default en-US)
//	@screen            header: the device has a screen (lists APL)
//	@screen 1.3        header: a screen whose APL runtime is at most 1.3
//	> my calf is cramping   the listener says this ("> " alone launches)
//	< pull your toes up     the skill says this (case-insensitive, in order)
//	<! quinine              the skill does not say this
//	= open                  the session is open (or: end) after the turn
//	! triage urgent         sessionAttributes.triage is this (none: absent)
//	& card stretch          the card contains this (& card: there is a card)
//	&! card                 there is no card
//	& apl                   an APL RenderDocument directive is sent
//	&! apl                  none is
//	@close                  the session times out: the device ends it
//	@wait 2h                the clock moves on (a Go duration)
//
// Checks belong to the line said before them. Any other directive is an
// error, so a typo cannot turn a check into a comment.
package transcript

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// aplVersion is an APL release as a device reports it: 1.3, 2024.3.
var aplVersion = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)

// Script is one parsed transcript.
type Script struct {
	Name   string
	Locale string // default en-US
	Screen bool
	// APLVersion is the screen's APL runtime.maxVersion; "" is the
	// device's default.
	APLVersion string
	Steps      []Step
}

// Step kinds.
const (
	StepSay   = "say"   // the listener says Said
	StepClose = "close" // the session times out
	StepWait  = "wait"  // the clock moves on by Wait
)

// Step is one thing that happens in a transcript.
type Step struct {
	Line   int
	Kind   string
	Said   string
	Wait   time.Duration
	Checks []Check
}

// Check kinds.
const (
	CheckHear    = "<"
	CheckNotHear = "<!"
	CheckSession = "="
	CheckTriage  = "!"
	CheckCard    = "& card"
	CheckNoCard  = "&! card"
	CheckAPL     = "& apl"
	CheckNoAPL   = "&! apl"
)

// Check is one expectation of a turn.
type Check struct {
	Line int
	Kind string
	Arg  string
}

// String returns the check as written in a transcript.
func (c Check) String() string {
	if c.Arg == "" {
		return c.Kind
	}
	if c.Kind == CheckTriage {
		return "! triage " + c.Arg
	}
	return c.Kind + " " + c.Arg
}

// ParseFile reads a transcript file.
func ParseFile(path string) (*Script, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(filepath.Base(path), f)
}

// Parse reads a transcript.
func Parse(name string, r io.Reader) (*Script, error) {
	s := &Script{Name: name, Locale: "en-US"}
	sc := bufio.NewScanner(r)
	n := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var last *Step
		if len(s.Steps) > 0 && s.Steps[len(s.Steps)-1].Kind == StepSay {
			last = &s.Steps[len(s.Steps)-1]
		}
		check := func(kind, arg string, rule int) error {
			if last == nil {
				return fail("%q must follow a line the listener says (>)", line)
			}
			if rule == argRequired && arg == "" {
				return fail("%q needs text after %s", line, kind)
			}
			if rule == argNone && arg != "" {
				return fail("%q takes nothing after %s", line, kind)
			}
			last.Checks = append(last.Checks, Check{Line: n, Kind: kind, Arg: arg})
			return nil
		}
		var err error
		switch word, arg := split(line); {
		case line[0] == '>':
			s.Steps = append(s.Steps, Step{Line: n, Kind: StepSay, Said: strings.TrimSpace(line[1:])})
		case strings.HasPrefix(line, "<!"):
			err = check(CheckNotHear, strings.TrimSpace(line[2:]), argRequired)
		case line[0] == '<':
			err = check(CheckHear, strings.TrimSpace(line[1:]), argRequired)
		case line[0] == '=':
			arg := strings.TrimSpace(line[1:])
			if arg != "open" && arg != "end" {
				return nil, fail("%q: the session is open or end", line)
			}
			err = check(CheckSession, arg, argRequired)
		case word == "!":
			what, level := split(arg)
			if what != "triage" || level == "" || strings.ContainsAny(level, " \t") {
				return nil, fail("%q: want ! triage <level> (or none)", line)
			}
			err = check(CheckTriage, level, argRequired)
		case word == "&" || word == "&!":
			what, text := split(arg)
			switch {
			case word == "&" && what == "card":
				err = check(CheckCard, text, argOptional)
			case word == "&!" && what == "card":
				err = check(CheckNoCard, text, argNone)
			case word == "&" && what == "apl":
				err = check(CheckAPL, text, argNone)
			case word == "&!" && what == "apl":
				err = check(CheckNoAPL, text, argNone)
			default:
				return nil, fail("unknown directive %q", line)
			}
		case word == "@close":
			if arg != "" {
				return nil, fail("%q takes nothing after @close", line)
			}
			s.Steps = append(s.Steps, Step{Line: n, Kind: StepClose})
		case word == "@wait":
			d, perr := time.ParseDuration(arg)
			if perr != nil || d <= 0 {
				return nil, fail("%q: want @wait <positive Go duration>, such as 2h", line)
			}
			s.Steps = append(s.Steps, Step{Line: n, Kind: StepWait, Wait: d})
		case word == "@locale" || word == "@screen":
			if len(s.Steps) > 0 {
				return nil, fail("%s belongs in the header, before the first line said", word)
			}
			if word == "@screen" {
				if arg != "" && !aplVersion.MatchString(arg) {
					return nil, fail("%q: want @screen, or @screen <APL version>, such as 1.3", line)
				}
				s.Screen, s.APLVersion = true, arg
			} else {
				if arg == "" || strings.ContainsAny(arg, " \t") {
					return nil, fail("%q: want @locale <locale>, such as en-GB", line)
				}
				s.Locale = arg
			}
		default:
			return nil, fail("unknown directive %q", line)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	said := false
	for _, st := range s.Steps {
		said = said || st.Kind == StepSay
	}
	if !said {
		return nil, fmt.Errorf("%s: nothing is said (no > line)", name)
	}
	return s, nil
}

// What a check takes after its directive.
const (
	argRequired = iota
	argNone
	argOptional
)

// split returns the first word of a line and the rest, trimmed.
func split(line string) (word, rest string) {
	word, rest, _ = strings.Cut(line, " ")
	return word, strings.TrimSpace(rest)
}
