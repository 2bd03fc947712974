package symptom

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("ZZ")
	if f == "" {
		t.Skip()
	}
	fh, _ := os.Open(f)
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		r := Read(sc.Text())
		fmt.Printf("%+v  <= %s\n", r, sc.Text())
	}
}
