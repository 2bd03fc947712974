package triage

import (
	"fmt"
	"slices"
)

// Rule is one red flag, or one combination of facts that raises the level.
type Rule struct {
	ID    string `yaml:"id"`
	Level Level  `yaml:"level"`
	// When holds when every clause holds; a clause holds when any of its
	// facts is known. Group names are expanded when loaded.
	When [][]string `yaml:"when"`
	// Unless names facts that keep the rule from firing: a situation the
	// references place lower than the rule's words alone would ("Not red
	// flags on their own": gradual swelling of both feet in later
	// pregnancy is self-care, though both legs swollen for weeks is not).
	Unless []string `yaml:"unless"`
	// Why is the content text that says why, in one plain sentence.
	Why string `yaml:"why"`
	// Meanwhile and Worse are content texts for urgent answers: what to do
	// until seen, and what would make it an emergency.
	Meanwhile string   `yaml:"meanwhile"`
	Worse     string   `yaml:"worse"`
	Sources   []string `yaml:"sources"`
}

type rulesFile struct {
	Groups   map[string][]string `yaml:"groups"`
	Defaults struct {
		Meanwhile string `yaml:"meanwhile"`
		Worse     string `yaml:"worse"`
	} `yaml:"defaults"`
	Rules []*Rule `yaml:"rules"`
}

func loadRules(facts map[string]string, decode decoder) ([]*Rule, error) {
	var rf rulesFile
	if err := decode("rules.yaml", &rf); err != nil {
		return nil, err
	}
	for g, members := range rf.Groups {
		if _, clash := facts[g]; clash {
			return nil, fmt.Errorf("rules: group %q has a fact's name", g)
		}
		for _, f := range members {
			if _, ok := facts[f]; !ok {
				return nil, fmt.Errorf("rules: group %q: unknown fact %q", g, f)
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range rf.Rules {
		if r.ID == "" || seen[r.ID] {
			return nil, fmt.Errorf("rules: missing or repeated rule ID %q", r.ID)
		}
		seen[r.ID] = true
		if !r.Level.AtLeast(Soon) {
			return nil, fmt.Errorf("rule %q: level %q is not emergency, urgent or soon", r.ID, r.Level)
		}
		if len(r.When) == 0 || r.Why == "" || len(r.Sources) == 0 {
			return nil, fmt.Errorf("rule %q: needs when, why and sources", r.ID)
		}
		for i, clause := range r.When {
			var out []string
			for _, f := range clause {
				if members, ok := rf.Groups[f]; ok {
					out = append(out, members...)
					continue
				}
				if _, ok := facts[f]; !ok {
					return nil, fmt.Errorf("rule %q: unknown fact or group %q", r.ID, f)
				}
				out = append(out, f)
			}
			if len(out) == 0 {
				return nil, fmt.Errorf("rule %q: empty clause", r.ID)
			}
			slices.Sort(out)
			r.When[i] = slices.Compact(out)
		}
		for _, f := range r.Unless {
			if _, ok := facts[f]; !ok {
				return nil, fmt.Errorf("rule %q: unless names unknown fact %q", r.ID, f)
			}
		}
		if r.Level == Urgent {
			if r.Meanwhile == "" {
				r.Meanwhile = rf.Defaults.Meanwhile
			}
			if r.Worse == "" {
				r.Worse = rf.Defaults.Worse
			}
		}
	}
	return rf.Rules, nil
}

// Rules returns the loaded rules, in file order. Callers must not change
// them.
func Rules() []*Rule { return loaded.rules }

// fires reports whether every clause of r holds for the known facts.
func (r *Rule) fires(has func(string) bool) bool {
	if slices.ContainsFunc(r.Unless, has) {
		return false
	}
	for _, clause := range r.When {
		if !slices.ContainsFunc(clause, has) {
			return false
		}
	}
	return true
}

// Result is what the facts call for: the level and the rule that set it
// (nil when no rule fires: self-care).
type Result struct {
	Level Level
	Rule  *Rule
}

// Evaluate returns the level the facts call for. Of the rules that fire,
// the one with the highest level wins; among those, the one with the most
// clauses (the most specific reason), then the first in the file.
// Ruled-out facts ("not:...") never fire a rule.
func Evaluate(facts []string) Result {
	has := func(f string) bool { return slices.Contains(facts, f) }
	res := Result{Level: SelfCare}
	for _, r := range loaded.rules {
		if !r.fires(has) {
			continue
		}
		if res.Rule == nil || r.Level != res.Level && r.Level.Higher(res.Level) == r.Level ||
			(r.Level == res.Level && len(r.When) > len(res.Rule.When)) {
			res = Result{Level: r.Level, Rule: r}
		}
	}
	return res
}
