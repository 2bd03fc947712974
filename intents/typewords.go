//go:build !lambda

package intents

import (
	"strings"

	"github.com/nightlegs/nightlegs/infra"
)

// Slot types whose words the intents package keeps (typeWords).
const (
	routineType = "RoutineName"
	askType     = "AskCarrier"
)

// typeWords maps, for each slot type named, the words of each of its
// values and synonyms in the en-US model (the one vocabulary of both
// paths) to the value's ID: topicWords (TalkTopic), routineWords
// (RoutineName: "a knee to chest stretch" names its routine) and askWords
// (AskCarrier). They are generated into data_gen.go, since decoding the
// whole model at start-up took tens of milliseconds of every cold start;
// the model is decoded once for all of them.
func typeWords(types ...string) map[string]phraseIDs {
	m, err := infra.Model("en-US")
	if err != nil {
		panic(err) // embedded; the infra tests check the model
	}
	out := map[string]phraseIDs{}
	for _, typ := range types {
		out[typ] = phraseIDs{}
	}
	for _, st := range m.Types {
		words, ok := out[st.Name]
		if !ok {
			continue
		}
		for _, v := range st.Values {
			for _, p := range append([]string{v.Name.Value}, v.Name.Synonyms...) {
				words[strings.Join(tokens(p), " ")] = v.ID
			}
		}
	}
	return out
}
