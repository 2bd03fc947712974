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

// BuiltinPrefix starts the name of every built-in intent and slot type.
const BuiltinPrefix = "AMAZON."

// SlotTypeNumber is the built-in slot type for a spoken number.
const SlotTypeNumber = "AMAZON.NUMBER"

// SlotText is the catch-all intent's only slot (DescribeSymptomIntent's
// {text}), which a device fills with what was said when no specific
// intent fits. The skill reads its raw value as free speech.
const SlotText = "text"
