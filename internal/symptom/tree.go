package symptom

import (
	"fmt"
	"slices"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/topicdir"
)

// loadTree decodes data/vocabulary.yaml from the source tree, with the
// topic folders' entries added, as go generate does: their topic.yaml's
// read to its topics, and their words to its sensations.
func loadTree() (*vocabulary, error) {
	fsys, err := topicdir.FS()
	if err != nil {
		return nil, err
	}
	var v vocabulary
	if err := golit.DecodeFile(fsys, "internal/symptom/data/vocabulary.yaml", &v); err != nil {
		return nil, err
	}
	hooks, err := topicdir.Load(golit.DecodeFile)
	if err != nil {
		return nil, err
	}
	v.Topics = withTopics(v.Topics, hooks)
	for _, h := range hooks {
		for id, phrases := range h.Words {
			if _, dup := v.Sensations[id]; dup {
				return nil, fmt.Errorf("intents/%s/topic.yaml: words: sensation %q is also in vocabulary.yaml", h.Topic, id)
			}
			v.Sensations[id] = phrases
		}
	}
	return &v, nil
}

// withTopics returns the topic entries in the order they are tried: the
// shared entries that name a subject (whom it is about decides first),
// then the topic folders' by rank, then the other shared entries.
func withTopics(shared []topicRule, hooks []topicdir.Hooks) []topicRule {
	type ranked struct {
		rank int
		rule topicRule
	}
	var all []ranked
	for _, r := range shared {
		rank := 100
		if len(r.Subjects) > 0 {
			rank = 0
		}
		all = append(all, ranked{rank, r})
	}
	for _, h := range hooks {
		for _, r := range h.Read {
			all = append(all, ranked{r.Rank, topicRule{Topic: h.Topic, Subjects: r.Subjects, Sensations: r.Sensations, Parts: r.Parts}})
		}
	}
	slices.SortStableFunc(all, func(a, b ranked) int { return a.rank - b.rank })
	rules := make([]topicRule, len(all))
	for i, r := range all {
		rules[i] = r.rule
	}
	return rules
}
