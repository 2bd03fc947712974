//go:build nightlegs_regen

package content

// library is read from data/ and the topic folders at start-up while
// data_gen.go is regenerated, which builds without it (golit.Tag).
var builtIn = func() *Library {
	lib, err := loadTree()
	if err != nil {
		panic(err)
	}
	return lib
}()
