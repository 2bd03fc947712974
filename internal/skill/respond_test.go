package skill

import "testing"

func TestReadAsDigits(t *testing.T) {
	nums := []string{"000", "111", "911", "999"}
	tests := []struct{ in, want string }{
		{`<speak>Call 999 now.</speak>`, `<speak>Call <say-as interpret-as="digits">999</say-as> now.</speak>`},
		{`<speak>call 111, or go to A&amp;E</speak>`, `<speak>call <say-as interpret-as="digits">111</say-as>, or go to A&amp;E</speak>`},
		{`<speak>911.</speak>`, `<speak><say-as interpret-as="digits">911</say-as>.</speak>`},
		{`<speak>Triple zero: 000</speak>`, `<speak>Triple zero: <say-as interpret-as="digits">000</say-as></speak>`},
		// Not whole words, or not listed, or inside a tag: untouched.
		{`<speak>9110 and 1999 and x911 and 912</speak>`, `<speak>9110 and 1999 and x911 and 912</speak>`},
		{`<speak><break time="10000ms"/><prosody rate="911%">ok</prosody></speak>`, `<speak><break time="10000ms"/><prosody rate="911%">ok</prosody></speak>`},
	}
	for _, tt := range tests {
		if got := readAsDigits(tt.in, nums); got != tt.want {
			t.Errorf("readAsDigits(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	if got := readAsDigits("<speak>Call 999.</speak>", nil); got != "<speak>Call 999.</speak>" {
		t.Errorf("with no numbers: %s", got)
	}
}
