//go:build nightlegs_regen

package triage

// loaded is read from data/ and the topic folders at start-up while data_gen.go is regenerated,
// which builds without it (golit.Tag).
var loaded = func() *data {
	d, err := loadTree()
	if err != nil {
		panic(err)
	}
	return d
}()
