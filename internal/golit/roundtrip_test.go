//go:build !nightlegs_regen

package golit

import (
	"reflect"
	"testing"
)

// TestRoundTrip compiles what File printed (sample_gen_test.go) and checks
// that it is the value it was printed from, down to nil and empty slices
// and maps.
func TestRoundTrip(t *testing.T) {
	if want := newSample(); !reflect.DeepEqual(generated, want) {
		t.Errorf("generated = %+v\nwant %+v", generated, want)
	}
	if got, want := lazySample(), newSample(); !reflect.DeepEqual(got, want) || lazySample() != got {
		t.Errorf("lazySample() = %+v, want %+v once", got, want)
	}
	if plainLevel != "soon" {
		t.Errorf("plainLevel = %q", plainLevel)
	}
}
