//go:build !lambda

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// maxLine is the longest line the console reads; far more than anyone says
// in one breath.
const maxLine = 64 << 10

// runConsole reads what the listener says, one line a turn, sends it through
// a simulated device and prints what the speaker would say. Standard output
// gets only the answers (with -json, one response envelope per line);
// prompts, banners and logs go to standard error.
func runConsole(ctx context.Context, cfg config, sk *skill.Skill, stdin io.Reader, stdout, stderr io.Writer) error {
	skillID := cfg.skillID
	if skillID == "" {
		skillID = device.LocalSkillID
	}
	dev, err := device.New(sk, device.Config{Locale: cfg.locale, SkillID: skillID, UserID: cfg.user})
	if err != nil {
		if have, lerr := infra.Locales(); lerr == nil {
			return fmt.Errorf("%w (locales with a model: %s)", err, strings.Join(have, ", "))
		}
		return err
	}
	interactive := isTerminal(stdin)
	fmt.Fprintf(stderr, "Night Legs console, %s. %s\n", cfg.locale, memoryNote(cfg))
	fmt.Fprintln(stderr, `Type what you would say to Alexa, one line a turn ("my calf is cramping"); an empty line or "open night legs" opens the skill. End with Ctrl-D.`)

	lines, readErr := readLines(ctx, stdin)
	defer func() {
		// A session left open times out, as on a device. Use a fresh
		// context: ctx may be why we are stopping.
		if _, err := dev.Close(context.Background()); err != nil {
			fmt.Fprintln(stderr, "night legs: end session:", err)
		}
	}()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	for {
		if interactive {
			fmt.Fprint(stderr, "you> ")
		}
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			fmt.Fprintln(stderr)
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			if interactive {
				fmt.Fprintln(stderr)
			}
			return <-readErr
		}
		x, err := dev.Say(ctx, line)
		if err != nil {
			return fmt.Errorf("turn %q: %w", line, err)
		}
		if cfg.jsonOut {
			err = writeJSONLine(out, x.Raw)
		} else {
			err = writeReadable(out, line, !interactive, x)
		}
		if err == nil {
			err = out.Flush()
		}
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}

// readLines sends stdin's lines until end of input or ctx is done; the
// error channel then gets the read error, if any.
func readLines(ctx context.Context, r io.Reader) (<-chan string, <-chan error) {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 4096), maxLine)
		for sc.Scan() {
			select {
			case lines <- strings.TrimRight(sc.Text(), "\r"):
			case <-ctx.Done():
				errc <- nil
				return
			}
		}
		if err := sc.Err(); err != nil {
			errc <- fmt.Errorf("read input: %w", err)
			return
		}
		errc <- nil
	}()
	return lines, errc
}

// writeJSONLine writes the response envelope as one line, whatever spacing
// it came with.
func writeJSONLine(w io.Writer, raw []byte) error {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return fmt.Errorf("response is not JSON: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// writeReadable prints a turn as a listener would take it: the speech, the
// question it ends with, and whether the skill is still listening.
func writeReadable(w io.Writer, said string, echo bool, x *device.Exchange) error {
	var b strings.Builder
	if echo {
		fmt.Fprintf(&b, "> %s\n", said)
	}
	r := x.Response.Response
	speech := device.Spoken(r.OutputSpeech)
	var reprompt string
	if r.Reprompt != nil {
		reprompt = device.Spoken(&r.Reprompt.OutputSpeech)
	}
	question := ""
	if reprompt != "" && strings.HasSuffix(speech, reprompt) {
		question = reprompt
		speech = strings.TrimSpace(strings.TrimSuffix(speech, reprompt))
	}
	fmt.Fprintf(&b, "Night Legs: %s\n", speech)
	if question != "" {
		fmt.Fprintf(&b, "  asks: %s\n", question)
	} else if reprompt != "" {
		fmt.Fprintf(&b, "  if you say nothing: %s\n", reprompt)
	}
	if c := r.Card; c != nil {
		fmt.Fprintf(&b, "  card: %s\n", strings.Join(strings.Fields(strings.Join([]string{c.Title + ":", c.Content, c.Text}, " ")), " "))
	}
	state := "(session ended"
	if x.Open {
		state = "(session open"
	}
	if lvl, ok := x.Response.SessionAttributes[skill.AttrTriage]; ok {
		state += fmt.Sprintf(", triage: %v", lvl)
	}
	fmt.Fprintf(&b, "  %s)\n", state)
	_, err := io.WriteString(w, b.String())
	return err
}

// memoryNote says where the console keeps what it learns.
func memoryNote(cfg config) string {
	switch {
	case cfg.tableName != "" || cfg.endpoint != "":
		return "Remembering in DynamoDB."
	case cfg.memory:
		return "Nothing is kept after this run."
	}
	return "Remembering in " + cfg.storePath + " (-memory keeps nothing)."
}

// isTerminal reports whether r is an interactive terminal, where a prompt
// helps; piped input gets none.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
