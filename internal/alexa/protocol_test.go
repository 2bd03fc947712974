package alexa

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// protocolPrefixes start the names Alexa defines: built-in intents and
// slot types, interfaces and directives, skill events, manifest
// interface types.
var protocolPrefixes = []string{"AMAZON.", "Alexa.", "AlexaSkillEvent.", "ALEXA_"}

// TestProtocolNamesHere fails on a string literal naming an Alexa protocol
// name in the project's code outside this package: each is declared here
// once, so a typo cannot make a second, wrong one. Tests are free to spell
// out what they send.
func TestProtocolNamesHere(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	found := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root {
			if rel, _ := filepath.Rel(root, path); rel == filepath.Join("internal", "alexa") || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		found++
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return err
		}
		if ast.IsGenerated(f) {
			// Data compiled from YAML names intents as the data does.
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, p := range protocolPrefixes {
				if strings.HasPrefix(s, p) {
					t.Errorf("%s: %q: use the constant of package alexa", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 40 {
		t.Fatalf("only %d Go files under %s: is the walk looking in the right place?", found, root)
	}
}
