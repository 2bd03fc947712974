package intents

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
)

// "Say that again" needs the last answer, and the context that keeps it is
// stored: so it keeps where the words came from, never the words. An
// answer is read back into the content lines it was said from (refs: "id"
// for every line of a text, "id#i" for line i), which are said again,
// spoken about the same person, when asked. Words that are no content line
// (a routine's step, a count) are not kept; the routine repeats its own
// step, and an answer none of whose words are content is not repeated.

// lineRef is one line of a content text.
type lineRef struct {
	ID   string
	Line int
	Raw  string
}

// free reports whether the line is words said that are no content line
// (ID ""): its Raw is those words, as said.
func (l lineRef) free() bool { return l.ID == "" }

// lineIndex is every content line, by its first word (lower case; "{"
// for a line that starts with a placeholder).
type lineIndex map[string][]lineRef

// indexLines indexes a library's lines.
func indexLines(lib *content.Library) lineIndex {
	ix := lineIndex{}
	for _, id := range lib.IDs() {
		for i, raw := range lib.Get(id).Say {
			ix[firstKey(raw)] = append(ix[firstKey(raw)], lineRef{id, i, raw})
		}
	}
	return ix
}

// firstKey is a line's index key.
func firstKey(line string) string {
	f := strings.Fields(line)
	if len(f) == 0 || strings.HasPrefix(f[0], "{") {
		return "{"
	}
	return strings.ToLower(f[0])
}

// refsOf reads speech back into the content lines it was said from, in
// order. Words that are no content line are left out.
func (s *set) refsOf(t *router.Turn, speech *alexa.SSML) (refs []string) {
	lines, _ := s.linesOf(t, speech)
	lines = slices.DeleteFunc(lines, lineRef.free)
	// A run of a text's every line, in order, is the text.
	for i := 0; i < len(lines); {
		id := lines[i].ID
		all := len(s.lib.Get(id).Say)
		j := i
		for j < len(lines) && lines[j].ID == id && lines[j].Line == j-i {
			j++
		}
		if j-i == all {
			refs = append(refs, id)
			i = j
			continue
		}
		refs = append(refs, id+"#"+strconv.Itoa(lines[i].Line))
		i++
	}
	return refs
}

// linesOf reads speech back into the content lines it was said from, in
// order, and reports whether they are all of its words; words that are no
// content line come as free lines.
func (s *set) linesOf(t *router.Turn, speech *alexa.SSML) (lines []lineRef, whole bool) {
	ws := strings.Fields(plainWords(speech.Fragment()))
	ix := s.lines()
	whole = true
	for at := 0; at < len(ws); {
		best, n := lineRef{}, 0
		cands := ix[strings.ToLower(ws[at])]
		if k := "{"; strings.ToLower(ws[at]) != k {
			cands = append(slices.Clip(cands), ix[k]...)
		}
		for _, c := range cands {
			f := strings.Fields(words(t, c.Raw))
			if len(f) > n && at+len(f) <= len(ws) && slices.Equal(f, ws[at:at+len(f)]) {
				best, n = c, len(f)
			}
		}
		if n == 0 {
			// Words that are no content line (a count of nights, a
			// routine's step) are kept as they were said.
			whole = false
			if k := len(lines) - 1; k >= 0 && lines[k].free() {
				lines[k].Raw += " " + ws[at]
			} else {
				lines = append(lines, lineRef{Raw: ws[at]})
			}
			at++
			continue
		}
		lines = append(lines, best)
		at += n
	}
	return lines, whole
}

// sayRefs says the content lines refs name, for this turn's subject, and
// reports how many it said (refs kept by an older version name none).
func (s *set) sayRefs(t *router.Turn, b *alexa.SSML, refs []string) int {
	n := 0
	for _, ref := range refs {
		id, line, one := strings.Cut(ref, "#")
		if !s.lib.Has(id) {
			continue
		}
		lines := s.lib.Get(id).Say
		if one {
			i, err := strconv.Atoi(line)
			if err != nil || i < 0 || i >= len(lines) {
				continue
			}
			lines = lines[i : i+1]
		}
		for _, l := range lines {
			b.Say(words(t, l))
			n++
		}
	}
	return n
}
