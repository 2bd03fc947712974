package alexa

// Output speech and card types.
const (
	SpeechPlainText = "PlainText"
	SpeechSSML      = "SSML"
	CardSimple      = "Simple"
	CardStandard    = "Standard"
)

// ResponseEnvelope is the whole JSON body the skill returns.
type ResponseEnvelope struct {
	Version string `json:"version"`
	// SessionAttributes come back on the next request of the session as
	// session.attributes.
	SessionAttributes map[string]any `json:"sessionAttributes,omitempty"`
	Response          Response       `json:"response"`
}

// Response is what Alexa says, shows and does next.
type Response struct {
	OutputSpeech *OutputSpeech `json:"outputSpeech,omitempty"`
	Card         *Card         `json:"card,omitempty"`
	Reprompt     *Reprompt     `json:"reprompt,omitempty"`
	// Directives may hold typed values or json.RawMessage.
	Directives []any `json:"directives,omitempty"`
	// ShouldEndSession has three meanings, kept apart by the pointer: true
	// ends the session; false keeps it open and listens (with the reprompt);
	// absent (nil) ends the conversation but, on devices with a screen or
	// for video and audio, leaves the session open without listening.
	ShouldEndSession *bool `json:"shouldEndSession,omitempty"`
}

// OutputSpeech is speech as plain text or as SSML.
type OutputSpeech struct {
	Type         string `json:"type"`
	Text         string `json:"text,omitempty"`
	SSML         string `json:"ssml,omitempty"`
	PlayBehavior string `json:"playBehavior,omitempty"`
}

// Reprompt is said when the listener does not answer.
type Reprompt struct {
	OutputSpeech OutputSpeech `json:"outputSpeech"`
}

// Card is shown in the Alexa app. Simple cards use Content; Standard cards
// use Text and may carry an image.
type Card struct {
	Type    string     `json:"type"`
	Title   string     `json:"title,omitempty"`
	Content string     `json:"content,omitempty"`
	Text    string     `json:"text,omitempty"`
	Image   *CardImage `json:"image,omitempty"`
}

// CardImage holds the image URLs of a Standard card.
type CardImage struct {
	SmallImageURL string `json:"smallImageUrl,omitempty"`
	LargeImageURL string `json:"largeImageUrl,omitempty"`
}

// PlainSpeech returns plain-text output speech.
func PlainSpeech(text string) *OutputSpeech {
	return &OutputSpeech{Type: SpeechPlainText, Text: text}
}

// SSMLSpeech returns SSML output speech from a builder.
func SSMLSpeech(s *SSML) *OutputSpeech {
	return &OutputSpeech{Type: SpeechSSML, SSML: s.String()}
}

// Bool returns a pointer to b, for ShouldEndSession.
func Bool(b bool) *bool { return &b }
