//go:build !lambda

package intents

import (
	"strings"

	"github.com/nightlegs/nightlegs/infra"
)

// loadTypeWords maps the words of each value and synonym of one of the
// en-US model's slot types (the one vocabulary of both paths) to the
// value's ID: topicWords (TalkTopic), routineWords (RoutineName: "a knee
// to chest stretch" names its routine) and askWords (AskCarrier). They
// are generated into data_gen.go, since decoding the whole model at
// start-up took tens of milliseconds of every cold start.
func loadTypeWords(typ string) phraseIDs {
	m, err := infra.Model("en-US")
	if err != nil {
		panic(err) // embedded; the infra tests check the model
	}
	out := phraseIDs{}
	for _, st := range m.Types {
		if st.Name != typ {
			continue
		}
		for _, v := range st.Values {
			for _, p := range append([]string{v.Name.Value}, v.Name.Synonyms...) {
				out[strings.Join(tokens(p), " ")] = v.ID
			}
		}
	}
	return out
}
