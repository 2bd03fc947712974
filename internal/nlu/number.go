package nlu

import "strconv"

// number reads the tokens as one number, in digits ("25") or words
// ("twenty five", "one hundred and five"), the way AMAZON.NUMBER fills its
// value. It refuses sequences no one would say for one number, such as
// "one one", so a number slot does not swallow the words after it.
func (l *language) number(toks []token) (string, bool) {
	if len(toks) == 1 {
		if _, err := strconv.ParseUint(toks[0].text, 10, 63); err == nil {
			return toks[0].text, true
		}
	}
	// What the previous word was, to refuse "twenty twenty" or "five one".
	const (
		none = iota
		unit
		teen
		ten
		mult
		and
	)
	var total, current int
	prev := none
	for i, t := range toks {
		if t.text == "and" {
			if prev != mult || i == len(toks)-1 {
				return "", false
			}
			prev = and
			continue
		}
		if m, ok := l.Multipliers[t.text]; ok {
			if prev != unit && prev != teen && prev != ten {
				return "", false
			}
			current *= m
			if m >= 1000 {
				total += current
				current = 0
			}
			prev = mult
			continue
		}
		n, ok := l.Numbers[t.text]
		if !ok {
			return "", false
		}
		kind := unit
		switch {
		case n >= 20:
			kind = ten
		case n >= 10:
			kind = teen
		}
		switch {
		case prev == none, prev == mult, prev == and:
		case prev == ten && kind == unit && n > 0:
		default:
			return "", false
		}
		current += n
		prev = kind
	}
	if prev == none {
		return "", false
	}
	return strconv.Itoa(total + current), true
}
