package intents

// triagePrefix marks a pending question that is one of the triage data's
// screening questions: "triage.<id>".
const triagePrefix = "triage."

// screeningQuestion returns the text of triage's screening question id.
var screeningQuestion = func(id string) string { return "" }

// Screening questions this package asks, from the triage data.
const (
	screenEmergency = triagePrefix + "emergency"
	screenSwelling  = triagePrefix + "swelling"
	screenFrequent  = triagePrefix + "frequent"
)

// childScreens are the signs that a child's night leg pain is not growing
// pains, asked in this order (refs §2 growing pains).
var childScreens = []string{
	triagePrefix + "child",
	triagePrefix + "child_one_leg",
	triagePrefix + "child_joint",
	triagePrefix + "child_daytime",
}

// unsure is what to say when the listener does not know the answer to a
// screening question: the sign to act on, and what to do if it appears.
var unsure = map[string]string{
	screenEmergency: "screen.unsure.emergency",
	screenSwelling:  "screen.unsure.swelling",
}
