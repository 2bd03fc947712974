package alexa

// Built-in intents this skill's models use, by the names Alexa sends.
const (
	IntentHelp         = "AMAZON.HelpIntent"
	IntentStop         = "AMAZON.StopIntent"
	IntentCancel       = "AMAZON.CancelIntent"
	IntentNavigateHome = "AMAZON.NavigateHomeIntent"
	IntentFallback     = "AMAZON.FallbackIntent"
	IntentYes          = "AMAZON.YesIntent"
	IntentNo           = "AMAZON.NoIntent"
	IntentNext         = "AMAZON.NextIntent"
	IntentPrevious     = "AMAZON.PreviousIntent"
	IntentRepeat       = "AMAZON.RepeatIntent"
	IntentPause        = "AMAZON.PauseIntent"
	IntentResume       = "AMAZON.ResumeIntent"
	IntentStartOver    = "AMAZON.StartOverIntent"
)

// StandIns are custom intents the models declare in place of built-ins,
// by name, with the built-in each stands for. A built-in intent takes no
// custom slots, so a device that routes "no, but I can't catch my breath"
// to AMAZON.NoIntent drops the words that matter; a custom intent with the
// same samples and the warning-sign slots keeps them. The optional
// built-ins are replaced outright; the required ones (Stop) keep the
// standard phrases, and a stand-in takes the leave-taking sentences that
// mention sleep and night.
var StandIns = map[string]string{
	"YesIntent":       IntentYes,
	"NoIntent":        IntentNo,
	"NextIntent":      IntentNext,
	"PreviousIntent":  IntentPrevious,
	"RepeatIntent":    IntentRepeat,
	"PauseIntent":     IntentPause,
	"ResumeIntent":    IntentResume,
	"StartOverIntent": IntentStartOver,
	"GoodnightIntent": IntentStop,
}

// Builtin returns the built-in intent a stand-in is declared for, or name
// itself: handlers are registered under the built-in names, which a
// request from an older model (or a test event) may still carry.
func Builtin(name string) string {
	if b, ok := StandIns[name]; ok {
		return b
	}
	return name
}

// BuiltinPrefix starts the name of every built-in intent and slot type.
const BuiltinPrefix = "AMAZON."

// SlotTypeNumber is the built-in slot type for a spoken number.
const SlotTypeNumber = "AMAZON.NUMBER"

// SlotText is the catch-all intent's only slot (DescribeSymptomIntent's
// {text}), which a device fills with what was said when no specific
// intent fits. The skill reads its raw value as free speech.
const SlotText = "text"
