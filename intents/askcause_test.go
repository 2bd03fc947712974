package intents

import (
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/intents/aches"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

// TestCauseAsked checks which symptom and question intents, as a device
// sends them, stand for a question about a cause: a cause and words that
// ask; never a clot, and never with a
// warning sign for care today or an emergency kept beside it.
func TestCauseAsked(t *testing.T) {
	model := enModel(t)
	tests := []struct {
		name      string
		intent    string
		slots     map[string]string
		wantTopic string // "" when the intent stays as it is
	}{
		{"hip, arthritis asked", "HipPainIntent", map[string]string{"cause": "arthritis", "ask": "could it be"}, "arthritis"},
		{"someone, shoes asked", "SomeoneIntent", map[string]string{"person": "mum's", "cause": "shoes", "ask": "is it the"}, "routine"},
		{"cramp, magnesium needed", "CrampIntent", map[string]string{"cause": "magnesium", "ask": "do I need more"}, "magnesium"},
		{"exercise, walk to blame", "SoreAfterExerciseIntent", map[string]string{"cause": "walked miles", "ask": "is that why"}, "overuse"},
		{"circulation, mattress asked", "CirculationIntent", map[string]string{"cause": "my mattress", "ask": "could it be"}, "mattress"},
		{"a soon sign stays with the question", "HipPainIntent", map[string]string{"cause": "arthritis", "ask": "could it be", "sign": "every night"}, "arthritis"},
		{"a cause the sign slots took", "SoreAfterExerciseIntent", map[string]string{"ask": "is it because", "sign": "run"}, "overuse"},
		{"rest pain eased by hanging stands for itself", "RestPainIntent", map[string]string{"cause": "blood flow", "ask": "to do with"}, ""},
		{"rest pain with hanging kept stands for itself", "RestPainIntent", map[string]string{"cause": "blood flow", "ask": "could it be", "sign": "hang"}, ""},
		{"rest pain with only the foot kept stands for itself", "RestPainIntent", map[string]string{"cause": "blood flow", "ask": "could it be", "sign": "foot"}, ""},
		{"rest pain with other words kept is the question", "RestPainIntent", map[string]string{"cause": "hardening of the arteries", "ask": "would that", "sign": "ache"}, "circulation"},
		{"cramps blamed on wine are a question", "CrampIntent", map[string]string{"cause": "wine", "sign": "cramps", "bodyPart": "leg"}, "caffeine_alcohol"},
		{"a cramp under way beside a cause gets relief", "CrampIntent", map[string]string{"cause": "wine", "sign": "cramp", "bodyPart": "calf"}, ""},
		{"cramps still coming beside a cause get relief", "CrampIntent", map[string]string{"cause": "drinking", "sign": "still cramps"}, ""},
		{"a medicine beside cramps is not blamed", "CrampIntent", map[string]string{"cause": "quinine", "sign": "cramps"}, ""},
		{"sleeplessness with cramps blamed on potassium asks", "CantSleepIntent", map[string]string{"cause": "potassium", "sign": "cramps"}, "hydration"},
		{"sleeplessness with a cause alone is sleeplessness", "CantSleepIntent", map[string]string{"cause": "potassium"}, ""},
		{"when to see a doctor with a drink kept asks about it", "WhenDoctorIntent", map[string]string{"cause": "coffee"}, "caffeine_alcohol"},
		{"when to see a doctor about a condition is when", "WhenDoctorIntent", map[string]string{"cause": "my varicose veins"}, ""},
		{"a pause with a cause asked is the question", "PauseIntent", map[string]string{"ask": "am i just", "cause": "dehydrated"}, "hydration"},
		{"toes curling beside calcium ask about calcium", "CrampIntent", map[string]string{"cause": "curl up", "moreCause": "calcium", "bodyPart": "toes", "sign": "cramp", "ask": "could"}, "hydration"},
		{"curling beside a cramp and magnesium asks about magnesium", "PreventIntent", map[string]string{"cause": "curling up", "moreCause": "magnesium", "sign": "cramping", "ask": "could i be"}, "magnesium"},
		{"curled up with no other cause is how one lies", "CrampIntent", map[string]string{"cause": "curled up", "sign": "cramps", "bodyPart": "feet", "ask": "is that why"}, "mattress"},
		{"a remedy beside another cause asked is background", "RestlessLegsIntent", map[string]string{"ask": "i wonder if", "cause": "paracetamol", "moreCause": "pillows", "sign": "in bed"}, "mattress"},
		{"a medicine beside a condition is for it", "JointPainIntent", map[string]string{"ask": "is it okay to take", "cause": "ibuprofen", "moreCause": "arthritis"}, "painkillers"},
		{"a medicine beside a drink is the medicine", "MemoryCountIntent", map[string]string{"ask": "how many", "cause": "panadol", "moreCause": "tea"}, "painkillers"},
		{"warmth tried is tried, not asked about", "TriedThatIntent", map[string]string{"cause": "hot water bottle"}, ""},
		{"a cause had enough of is ruled out beside another asked", "WorriedIntent", map[string]string{"ask": "could it be", "cause": "drink enough", "moreCause": "stress", "ruledOut": "ruled out the bed"}, "stress"},
		{"a cause that falls short is asked", "CrampIntent", map[string]string{"ask": "could it be", "cause": "not drinking enough", "moreCause": "stress"}, "hydration"},
		{"a doctor asked beside something tried asks what a doctor does", "WhoAreYouIntent", map[string]string{"ask": "what would a doctor", "cause": "drinking"}, "doctor_visit"},
		{"a condition kept as a sign beside a plain bed is asked", "BurningFeetIntent", map[string]string{"ask": "is it", "cause": "duvet", "otherSign": "neuropathy", "sign": "type two"}, "neuropathy"},
		{"someone's cause with is he asked is the question", "SomeoneIntent", map[string]string{"person": "teenage son", "ask": "is he", "cause": "overdoing it", "bodyPart": "legs"}, "overuse"},
		{"painkillers on why the night ask about the night", "WhyNightIntent", map[string]string{"cause": "painkillers", "ask": "is that why"}, ""},
		{"an anti-inflammatory on why the night asks about the night", "WhyNightIntent", map[string]string{"cause": "anti inflammatory", "moreCause": "my joints", "ask": "is that why", "sign": "hurt"}, ""},
		{"a medicine named on why the night is asked about", "WhyNightIntent", map[string]string{"cause": "paracetamol", "ask": "or is it"}, "painkillers"},
		{"a pause with a thing named is a pause", "PauseIntent", map[string]string{"cause": "water"}, ""},
		{"a state kept by a memory question is asked about", "RecallMemoryIntent", map[string]string{"cause": "older", "sign": "legs"}, "age"},
		{"a state kept by a request to stop remembering stays the request", "StopRememberingIntent", map[string]string{"cause": "pregnant"}, ""},
		{"a pause with a condition's word named is a pause", "PauseIntent", map[string]string{"cause": "my back"}, ""},
		{"a softer voice with a condition's word named is a voice", "VoiceSoftIntent", map[string]string{"cause": "gotta move"}, ""},
		{"a mattress too soft sent to a softer voice is asked about", "VoiceSoftIntent", map[string]string{"cause": "too soft", "sign": "mattress"}, "mattress"},
		{"a softer voice in bed is a voice", "VoiceSoftIntent", map[string]string{"cause": "in bed"}, ""},
		{"a condition kept as a sign beside an activity is asked about", "RestlessLegsIntent", map[string]string{"cause": "walking round", "ask": "must be", "sign": "restless legs"}, "restless_legs"},
		{"an activity asked why of beside a condition is the cause", "RestlessLegsIntent", map[string]string{"cause": "walked miles", "ask": "is that why", "sign": "restless legs"}, "overuse"},
		{"a medicine beside a condition is asked about", "RestlessLegsIntent", map[string]string{"cause": "antihistamine", "ask": "could the", "sign": "restless legs"}, "aggravating_medicines"},
		{"a drink beside a condition is asked about", "WorriedIntent", map[string]string{"cause": "wine", "ask": "could", "sign": "restless legs"}, "caffeine_alcohol"},
		{"a complaint naming a cause, not asking", "HipPainIntent", map[string]string{"cause": "gardening"}, ""},
		{"asking with no cause", "JointPainIntent", map[string]string{"ask": "could it be"}, ""},
		{"a question's opening word beside a cause asks", "CirculationIntent", map[string]string{"ask": "does", "cause": "bad circulation", "sign": "ache"}, "circulation"},
		{"no opening word kept, the same words are a complaint", "CirculationIntent", map[string]string{"cause": "bad circulation", "sign": "ache"}, ""},
		{"am I beside a cause asks", "RestlessLegsIntent", map[string]string{"ask": "am i", "cause": "overdoing it", "sign": "every night"}, "overuse"},
		{"a request beside a cause asks nothing", "JointPainIntent", map[string]string{"ask": "would you mind", "cause": "the arthritis", "sign": "knees"}, ""},
		{"an opening word with a pause is the pause's", "PauseIntent", map[string]string{"ask": "can", "cause": "water"}, ""},
		{"an opening word asking why the night, an activity kept", "WhyNightIntent", map[string]string{"ask": "does", "sign": "running around"}, ""},
		{"an opening word asking why the night, a condition kept", "WhyNightIntent", map[string]string{"ask": "does", "sign": "gout"}, "arthritis"},
		{"an opening word said with yes asks", "YesIntent", map[string]string{"ask": "does", "cause": "low oestrogen"}, "hormones"},
		{"a second cause beside the cramps is asked", "CrampIntent", map[string]string{"ask": "should i be taking", "cause": "night cramps", "moreCause": "magnesium"}, "magnesium"},
		{"a second cause beside a day's work is asked", "SoreAfterExerciseIntent", map[string]string{"ask": "could", "cause": "the gym", "moreCause": "salt"}, "hydration"},
		{"a second cause beside one asked that is no setting", "WorriedIntent", map[string]string{"ask": "could it be", "cause": "the menopause", "moreCause": "water"}, "hormones"},
		{"a doctor beside a day's work is the setting", "MemoryCountIntent", map[string]string{"ask": "are my", "cause": "overdoing it", "moreCause": "physio"}, "overuse"},
		{"a bed beside a day's work is where it aches", "CirculationIntent", map[string]string{"ask": "is it", "cause": "sat all day", "moreCause": "the bunk"}, "routine"},
		{"a serious condition is never the second cause asked", "WhoAreYouIntent", map[string]string{"ask": "is it just", "cause": "getting older", "moreCause": "a pe"}, "age"},
		{"a condition a second cause kept beside a position", "HipPainIntent", map[string]string{"ask": "could it be", "cause": "on that side", "moreCause": "hip bursitis"}, "bursitis"},
		{"a doctor asked about beside the day's work", "SoreAfterExerciseIntent", map[string]string{"ask": "what would the doctor", "cause": "stand all day"}, "doctor_visit"},
		{"a feeling that is a condition beside where it comes", "TriedThatIntent", map[string]string{"ask": "what's", "cause": "telly", "sign": "won't keep still", "moreSign": "legs"}, "restless_legs"},
		{"an ache beside where it comes asks about the day", "TriedThatIntent", map[string]string{"ask": "could it be", "cause": "watching telly", "sign": "legs", "moreSign": "ache"}, "routine"},
		{"a doctor named beside a condition asks about the condition", "HipPainIntent", map[string]string{"ask": "what would the doctor", "cause": "bursitis"}, "bursitis"},
		{"a hard bed a device kept as a sign is asked about", "CompartmentIntent", map[string]string{"sign": "bed is rock hard", "ask": "could that be"}, "mattress"},
		{"a calf rock hard is no bed", "CompartmentIntent", map[string]string{"sign": "calf is rock hard", "ask": "could that be"}, ""},
		{"a clot is never answered in place of triage", "CirculationIntent", map[string]string{"cause": "blood clot", "ask": "could it be"}, ""},
		{"an emergency sign beside the question", "HipPainIntent", map[string]string{"cause": "arthritis", "ask": "could it be", "sign": "can't breathe"}, ""},
		{"why at night with a cause is the cause", "WhyNightIntent", map[string]string{"cause": "poor blood flow", "sign": "legs"}, "circulation"},
		{"a worry about a cause is the cause", "WorriedIntent", map[string]string{"cause": "getting on a bit"}, "age"},
		{"a worry with only a sign slot naming a topic stays a worry", "WorriedIntent", map[string]string{"sign": "the heat"}, ""},
		{"why at night with the day's doing and only a why's opener sets the day against the night", "WhyNightIntent", map[string]string{"cause": "chasing the kids", "ask": "does"}, ""},
		{"why at night with the day's work and why is that stays why at night", "WhyNightIntent", map[string]string{"cause": "market stall", "ask": "is that"}, ""},
		{"why at night with the day's doing and is that why asks about it", "WhyNightIntent", map[string]string{"cause": "chasing the kids", "ask": "is that why"}, "overuse"},
		{"why at night with another cause and a why's opener asks about the cause", "WhyNightIntent", map[string]string{"cause": "the menopause", "ask": "is that"}, "hormones"},
		{"why at night with the day's doing and what causes it asks about the doing", "WhyNightIntent", map[string]string{"cause": "the walking", "ask": "what causes it"}, "overuse"},
		{"a stroke kept beside sciatica is not passed over", "RestPainIntent", map[string]string{"otherSign": "a stroke", "sign": "my sciatica"}, ""},
		{"a clot kept beside the pill is not passed over", "WorriedIntent", map[string]string{"moreSign": "a blood clot", "sign": "the pill"}, ""},
		{"a condition kept as a sign beside a sport asks about the condition", "JointPainIntent", map[string]string{"ask": "is it", "joint": "knees", "moreSign": "hockey", "otherSign": "arthritis"}, "arthritis"},
		{"a past clot kept beside the day's doing asks about the doing", "RestPainIntent", map[string]string{"ask": "just from", "sign": "had a clot", "alsoSign": "gardening"}, "overuse"},
		{"why at night with the condition in a sign slot stays why at night", "WhyNightIntent", map[string]string{"sign": "restless legs"}, ""},
		{"a condition alone in a sign slot is the complaint", "JointPainIntent", map[string]string{"sign": "arthritis"}, ""},
		{"sciatica alone in the sciatica intent's sign slot is the complaint", "SciaticaIntent", map[string]string{"sign": "sciatica's"}, ""},
		{"a worry about a clot stays a worry", "WorriedIntent", map[string]string{"cause": "blood clot"}, ""},
		{"a doctor weighed against the skill asks what it is", "WhoAreYouIntent", map[string]string{"cause": "my doctor"}, ""},
		{"a test named to who the skill is asks about tests", "WhoAreYouIntent", map[string]string{"cause": "a blood test"}, "tests"},
		{"a nurse named to who the skill is asks who it is", "WhoAreYouIntent", map[string]string{"cause": "a nurse"}, ""},
		{"a greeting with a cause kept asks about it", "GreetIntent", map[string]string{"cause": "as you get older"}, "age"},
		{"why a restless feeling comes at night asks what it is", "WhyNightIntent", map[string]string{"sign": "urge to move", "moreSign": "legs"}, "restless_legs"},
		{"what causes a restless feeling asks what it is, a cause kept or not", "WhyNightIntent", map[string]string{"sign": "in the evening", "ask": "what causes that", "otherSign": "crawly", "cause": "telly"}, "restless_legs"},
		{"why a restless feeling comes with a cause kept asks the cause", "WhyNightIntent", map[string]string{"ask": "why", "sign": "urge to move", "cause": "pregnant"}, "hormones"},
		{"legs that want to go for a run are restless, not a run", "WhyNightIntent", map[string]string{"sign": "want to go for a run", "moreSign": "legs"}, "restless_legs"},
		{"why an ache comes at night stays why the night", "WhyNightIntent", map[string]string{"sign": "legs", "moreSign": "ache"}, ""},
		{"someone's complaint naming a condition, asked", "SomeoneIntent", map[string]string{"ask": "a real thing", "complaint": "growing pains", "person": "mum"}, "growing_pains"},
		{"someone's complaint alone is theirs", "SomeoneIntent", map[string]string{"complaint": "growing pains", "person": "son"}, ""},
		{"night cramps kept as the cause, fluid asked", "CrampIntent", map[string]string{"ask": "whether", "cause": "nocturnal cramps", "sign": "fluid intake"}, "hydration"},
		{"night cramps kept as the cause, a test asked", "CrampIntent", map[string]string{"ask": "what would the doctor", "cause": "night cramps", "sign": "blood tests"}, "tests"},
		{"asking words naming a doctor, alone, are who the skill is", "WhoAreYouIntent", map[string]string{"ask": "would a doctor"}, ""},
		{"asking words naming a doctor ask what a doctor does", "WhoAreYouIntent", map[string]string{"ask": "what would the doctor", "sign": "calves", "moreSign": "aching"}, "doctor_visit"},
		{"thanks with a plan for the physio is thanks", "ThanksIntent", map[string]string{"cause": "mention it to"}, ""},
		{"thanks with a cause asked is the question", "ThanksIntent", map[string]string{"cause": "magnesium", "ask": "should I take"}, "magnesium"},
		{"what the doctor named is asked about", "WhyNightIntent", map[string]string{"ask": "is that why", "cause": "the doctor", "sign": "in bed", "moreSign": "arthritis"}, "arthritis"},
		{"asking words inside the cause", "SwitchPartIntent", map[string]string{"cause": "is it my joints"}, "arthritis"},
		{"a thing asks", "CrampIntent", map[string]string{"cause": "a pregnancy thing", "sign": "cramping"}, "hormones"},
		{"a medicine kept with tried-that is asked about", "TriedThatIntent", map[string]string{"cause": "magnesium spray"}, "magnesium"},
		{"a cause kept with tried-that is no question", "TriedThatIntent", map[string]string{"cause": "the gym"}, ""},
		{"a medicine kept by goodnight is asked about", "GoodnightIntent", map[string]string{"cause": "paracetamol", "sign": "achy"}, "painkillers"},
		{"a cause kept by goodnight stays goodnight", "GoodnightIntent", map[string]string{"cause": "hauling"}, ""},
		{"a cause asked in goodnight's slots is asked about", "GoodnightIntent", map[string]string{"cause": "hauling", "ask": "is that why"}, "overuse"},
		{"a bed only named is no cause", "RestlessLegsIntent", map[string]string{"cause": "the bed", "ask": "is that the"}, ""},
		{"a duvet only named is where it happens; the condition kept as a sign is asked", "BurningFeetIntent", map[string]string{"cause": "duvet", "ask": "is that", "sign": "nerve damage", "moreSign": "feet", "otherSign": "diabetes"}, "nerves"},
		{"a question tag asks", "JointPainIntent", map[string]string{"cause": "arthritis", "ask": "isn't it", "sign": "knee"}, "arthritis"},
		{"a condition kept by rephrase is asked about", "RephraseIntent", map[string]string{"cause": "peripheral neuropathy", "sign": "what does that mean"}, "neuropathy"},
		{"a medicine kept by when-doctor is asked about", "WhenDoctorIntent", map[string]string{"cause": "magnesium"}, "magnesium"},
		{"a condition kept by when-doctor stays when-doctor", "WhenDoctorIntent", map[string]string{"cause": "varicose veins"}, ""},
		{"a condition kept alone is asked about", "CirculationIntent", map[string]string{"cause": "veins"}, "circulation"},
		{"a condition kept with a complaint is no question", "CirculationIntent", map[string]string{"cause": "veins", "sign": "heavy"}, ""},
		{"a cause kept beside a cramp is asked about", "CrampIntent", map[string]string{"ask": "making my legs", "sign": "the heat", "moreSign": "cramp"}, "hydration"},
		{"a doctor in the asking words asks what a doctor does", "WhenDoctorIntent", map[string]string{"ask": "would the doctor", "sign": "legs"}, "doctor_visit"},
		{"a felt condition beside asking words is asked about", "SwollenLegIntent", map[string]string{"sign": "legs", "moreSign": "fizzing", "ask": "what's"}, "restless_legs"},
		{"asking words beside a complaint alone ask nothing", "HipPainIntent", map[string]string{"sign": "hip", "moreSign": "sore", "ask": "what's"}, ""},
		{"a cramp kept alone is a cramp", "CrampIntent", map[string]string{"cause": "night cramps"}, ""},
		{"a state kept by a pause is asked about", "PauseIntent", map[string]string{"cause": "my age"}, "age"},
		{"what one goes to do, kept by a pause, is the pause", "PauseIntent", map[string]string{"cause": "rolling onto my back"}, ""},
		{"a medicine kept by a memory question stays memory", "RecallMemoryIntent", map[string]string{"cause": "magnesium"}, ""},
		{"a cause ruled out beside another asks the other", "CirculationIntent", map[string]string{"ruledOut": "not the veins", "cause": "hormones", "ask": "be behind", "sign": "leg"}, "hormones"},
		{"a cause ruled out beside another asks it, asking words dropped", "StopRememberingIntent", map[string]string{"ruledOut": "not the veins", "cause": "a pinched nerve", "sign": "back"}, "nerves"},
		{"a cause ruled out beside a sign slot's cause asks that one", "YesIntent", map[string]string{"ruledOut": "my mattress is fine", "sign": "hike", "ask": "is that why"}, "overuse"},
		{"a cause ruled out alone with asking words is asked about", "JointPainIntent", map[string]string{"ruledOut": "can't be arthritis", "ask": "can it", "sign": "knee"}, "arthritis"},
		{"a question tag asks about the cause ruled out", "CirculationIntent", map[string]string{"ruledOut": "not the veins", "ask": "is it"}, "circulation"},
		{"a cause ruled out, nothing asked, stays", "CirculationIntent", map[string]string{"ruledOut": "don't think it's my veins", "sign": "dark"}, ""},
		{"an emergency sign beside a cause ruled out", "HipPainIntent", map[string]string{"ruledOut": "not the arthritis", "cause": "stress", "ask": "could it be", "sign": "can't breathe"}, ""},
		{"an urgent sign beside the question", "JointPainIntent", map[string]string{"cause": "overuse", "ask": "is it because of", "sign": "can't put weight on it"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := routedIntent(model, routed{Intent: tt.intent, Slots: tt.slots})
			if len(in.Slots) == 0 {
				t.Fatalf("%s is not in the model", tt.intent)
			}
			got := causeAsked(in)
			if tt.wantTopic == "" {
				if got != nil {
					t.Fatalf("%s %v became %s", tt.intent, tt.slots, got.Name)
				}
				return
			}
			if got == nil || got.Name != IntentAskAbout {
				t.Fatalf("%s %v: got %v, want %s", tt.intent, tt.slots, got, IntentAskAbout)
			}
			if _, id := got.Slots[slotTopic].Resolved(); id != tt.wantTopic {
				t.Errorf("topic %q, want %q", id, tt.wantTopic)
			}
			if _, kept := got.Slots[slotAsk]; kept {
				t.Error("the asking words were kept")
			}
			if v := tt.slots["sign"]; v != "" && got.Slots["sign"].Value != v {
				t.Errorf("sign slot %q, want %q kept for triage", got.Slots["sign"].Value, v)
			}
		})
	}
}

// TestAskAboutTopicInSignSlot: a device that routes a question to
// AskAboutIntent may put the topic's word in a sign slot, the two slot
// types sharing it; the question is still answered, not "didn't catch".
func TestAskAboutTopicInSignSlot(t *testing.T) {
	model := enModel(t)
	c := talkCase{ID: "oedema", Text: "what's oedema", Category: "what_is"}
	via := routedIntent(model, routed{Intent: IntentAskAbout, Slots: map[string]string{"sign": "what's oedema"}})
	v := playTalk(t, transcriptSkill(t), c, via, screeningFragments())
	if len(v.Fails) > 0 {
		t.Errorf("%q via AskAboutIntent, sign slot only: %q: %v", c.Text, v.Said, v.Fails)
	}
	// The doctor kept as the topic by AskAboutIntent is asked about,
	// whatever a sign slot kept beside it: a condition ("can a doctor
	// test for restless legs"), a part, or the cramps ("can a doctor give
	// me anything for night cramps").
	// The feeling a condition is, kept alone in a sign slot ("does that
	// sound like the restless thing", set sAO), asks about the condition.
	via = routedIntent(model, routed{Intent: IntentAskAbout, Slots: map[string]string{"sign": "restless"}})
	if v := playTalk(t, transcriptSkill(t), talkCase{ID: "restless", Category: "what_is"}, via, nil); !strings.Contains(strings.ToLower(v.Said), "urge to move") {
		t.Errorf("AskAboutIntent sign %q: said %q, want restless legs", "restless", v.Said)
	}
	// Not after care was called for, when stretching may be wrong
	// (review).
	if v := playTalk(t, transcriptSkill(t), talkCase{ID: "restless", Category: "what_is", Before: []string{"my calf is swollen and hot"}}, via, nil); strings.Contains(strings.ToLower(v.Said), "urge to move") || !strings.Contains(v.Said, "911") {
		t.Errorf("AskAboutIntent sign %q after a hot swollen calf: said %q, want no restless legs and the emergency line", "restless", v.Said)
	}
	for _, tt := range []struct{ sign, want string }{{"restless legs", "a doctor asks"}, {"legs", "a doctor asks"}, {"night cramps", "a doctor asks"}} {
		via := routedIntent(model, routed{Intent: IntentAskAbout, Slots: map[string]string{"topic": "my gp", "sign": tt.sign}})
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "gp", Category: "what_is"}, via, nil)
		if !strings.Contains(strings.ToLower(v.Said), tt.want) {
			t.Errorf("AskAboutIntent topic %q sign %q: said %q, want %q in it", "my gp", tt.sign, v.Said, tt.want)
		}
	}
}

// TestKeptComplaint: a complaint a device sent to the greeting intent, or
// to thanks with asking words kept, is answered as the complaint; thanks
// naming a part that is better stays thanks.
func TestKeptComplaint(t *testing.T) {
	model := enModel(t)
	checkVia(t, model, []viaCase{
		{nil, "GreetIntent", map[string]string{"sign": "my calf is cramping"}, "toes"},
		{nil, "ThanksIntent", map[string]string{"ask": "wondering if", "sign": "hip's", "moreSign": "achy"}, "pillow between your knees"},
		{nil, "GreetIntent", map[string]string{"sign": "legs"}, "hello"},
		// Out of order, a denial would deny the swelling: the slots stay
		// for triage, which hears a doctor is due.
		{nil, "GreetIntent", map[string]string{"sign": "no breathing problem", "moreSign": "one week", "otherSign": "not reducing", "alsoSign": "both", "lastSign": "feet", "nextSign": "swollen"}, "swelling without a clear reason"},
		{nil, "ThanksIntent", map[string]string{"sign": "calf", "moreSign": "better"}, "welcome"},
		// Polite complaints a device sends to memory or to a question
		// with no topic; a memory request naming the cramps stays one.
		{nil, "StopRememberingIntent", map[string]string{"sign": "thighs", "moreSign": "aching"}, "night aches in your thighs"},
		{nil, "StopRememberingIntent", map[string]string{"sign": "cramp"}, "not saving"},
		{nil, "AskAboutIntent", map[string]string{"sign": "achy", "moreSign": "knee"}, "warmth soothes your knee"},
		{nil, "WhoAreYouIntent", map[string]string{"sign": "ache", "moreSign": "calves"}, "night aches in your calves"},
		{nil, "WhoAreYouIntent", map[string]string{"sign": "human"}, "not a doctor"},
		// The part named in the sign slots is the one the answer names.
		{nil, "SomeoneIntent", map[string]string{"sign": "both shins", "moreSign": "dull ache"}, "night aches in both shins"},
		{nil, "GoodnightIntent", map[string]string{"sign": "not able to", "moreSign": "legs", "otherSign": "paining"}, "safety check"},
		{nil, "GoodnightIntent", map[string]string{"sign": "legs"}, "rest easy"},
		{nil, "RememberNightsIntent", map[string]string{"sign": "toes", "moreSign": "sore"}, "night aches in your toes"},
		{nil, "RememberNightsIntent", map[string]string{"sign": "cramp"}, "note what it was"},
		// "Forget me" keeps its question, whatever else was kept: a
		// request to delete is never lost, and nothing is deleted
		// without a yes (review).
		{nil, "ForgetMeIntent", map[string]string{"sign": "calves", "moreSign": "ache"}, "delete everything"},
	})
}

// TestIdleControl: a routine's control a device heard with a cause kept,
// and no routine under way, asks about the cause (set sS); with a
// routine under way, or words that tell a feeling, the control stands.
func TestIdleControl(t *testing.T) {
	model := enModel(t)
	stretch := []string{"the lying down hip stretch", "ready"}
	checkVia(t, model, []viaCase{
		{nil, "RoutineFasterIntent", map[string]string{"sign": "mattress"}, "mattress"},
		{nil, "RoutineFasterIntent", map[string]string{"sign": "long walk", "moreSign": "today"}, "muscles are a likely cause"},
		{nil, "RoutineSlowerIntent", map[string]string{"sign": "painful"}, "where does it hurt"},
		{stretch, "RoutineFasterIntent", map[string]string{"sign": "mattress"}, "shorter holds"},
	})
}

// TestStretchHurt: pain said during a stretch, which a device sent to
// another intent with the pain words kept, eases the stretch off; the
// routine's own controls, a red flag and words of no pain keep theirs.
func TestStretchHurt(t *testing.T) {
	model := enModel(t)
	stretch := []string{"the lying down hip stretch", "ready"}
	checkVia(t, model, []viaCase{
		{stretch, "WhyNightIntent", map[string]string{"sign": "this one", "moreSign": "kills"}, "ease off"},
		{stretch, "WhyNightIntent", map[string]string{"sign": "painful"}, "ease off"},
		{stretch, "HipPainIntent", map[string]string{"sign": "sharp", "moreSign": "hip"}, "ease off"},
		// No stretch under way: the intent's own answer.
		{nil, "WhyNightIntent", map[string]string{"sign": "painful"}, "at night"},
		{stretch, "RoutineSlowerIntent", map[string]string{"sign": "painful"}, "longer holds"},
		{stretch, "WhyNightIntent", map[string]string{"sign": "tired"}, "at night"},
		{stretch, "HotRedLegIntent", map[string]string{"sign": "hot", "moreSign": "painful"}, "medical care today"},
	})
}

// TestCauseAgreed: a yes or no a device heard with a cause kept, and
// nothing asked before it ("it's the stress then, yeah"), asks about the
// cause; after a question of the skill's it answers that question.
func TestCauseAgreed(t *testing.T) {
	model := enModel(t)
	checkVia(t, model, []viaCase{
		{nil, "YesIntent", map[string]string{"cause": "stress"}, "stress keeps muscles tense"},
		{nil, "NoIntent", map[string]string{"cause": "my mattress"}, "mattress"},
		{nil, "YesIntent", nil, "didn't catch that"},
		{nil, "YesIntent", map[string]string{"sign": "saggy mattress"}, "mattress"},
		{nil, "YesIntent", map[string]string{"sign": "cramp", "bodyPart": "calf"}, "calf"},
		{[]string{"my calf is cramping"}, "YesIntent", map[string]string{"cause": "stress"}, "rub the muscle"},
		{nil, "AnswerUnknownIntent", map[string]string{"cause": "divorce"}, "stress keeps muscles tense"},
		{[]string{"my calf is cramping"}, "AnswerUnknownIntent", map[string]string{"cause": "stress"}, "rub the knot"},
	})
}

// TestContrasted: a condition a device kept as the cause, beside the
// intent's own condition kept as a sign, was ruled out ("it's not a
// cramp, ... is that my sciatic nerve"); alone, or beside a sign of
// another conversation, it is still what is asked about. Nerves kept
// beside worry are the worry, and a condition supposed ("if it's
// bursitis") is asked about beside any cause (conditionNamed).
func TestContrasted(t *testing.T) {
	model := enModel(t)
	checkVia(t, model, []viaCase{
		{nil, "SciaticaIntent", map[string]string{"cause": "a cramp", "ask": "is that", "moreSign": "sciatic nerve", "sign": "down the back of my leg"}, "sciatic nerve"},
		{nil, "JointPainIntent", map[string]string{"cause": "a cramp", "ask": "is that", "joint": "joint", "otherSign": "inflammation"}, "arthritis"},
		{nil, "SciaticaIntent", map[string]string{"cause": "a cramp", "ask": "is that", "sign": "down the back of my leg"}, "cramp"},
		// A cramp kept beside a condition is what the condition does.
		{nil, "CrampIntent", map[string]string{"cause": "poor circulation", "ask": "make your legs", "sign": "cramp"}, "circulation"},
		// A condition supposed beside a cause of another kind.
		{nil, "WorriedIntent", map[string]string{"ask": "if it's", "sign": "bursitis", "cause": "heat"}, "bursitis"},
		// Nerves beside worry are the worry.
		{nil, "WorriedIntent", map[string]string{"sign": "nerves", "cause": "worrying", "ask": "could it be"}, "stress"},
	})
}

// enModel is the en-US interaction model, the one device-route trains on.
func enModel(t testing.TB) *infra.LanguageModel {
	t.Helper()
	m, err := infra.Model("en-US")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// viaCase is a turn a device routed, after turns said on the console, and
// words its answer must hold.
type viaCase struct {
	before []string
	intent string
	slots  map[string]string
	want   string
}

// checkVia plays each case and checks its answer holds want.
func checkVia(t *testing.T, model *infra.LanguageModel, tests []viaCase) {
	t.Helper()
	for _, tt := range tests {
		v := playVia(t, model, tt.before, tt.intent, tt.slots)
		if !strings.Contains(strings.ToLower(v.Said), tt.want) {
			t.Errorf("%v then %s %v: said %q, want %q in it", tt.before, tt.intent, tt.slots, v.Said, tt.want)
		}
	}
}

// toldBed tells a cause (the mattress) before the turn under test.
var toldBed = []string{"we've had this mattress fifteen years"}

// TestAskedRedFlag: a calm question a device sent to a red-flag intent,
// keeping only its asking words, gets the general safety check, not the
// sign's own answer; the sign's words kept, or an intent whose sign the
// check does not ask about, still escalate.
func TestAskedRedFlag(t *testing.T) {
	model := enModel(t)
	tests := []struct {
		before      []string
		intent      string
		slots       map[string]string
		want, never string
	}{
		{nil, "BreathingIntent", map[string]string{"ask": "i reckon"}, "safety check", "911"},
		{nil, "SwollenLegIntent", map[string]string{"ask": "how come", "sign": "legs"}, "safety check", "medical care today"},
		{nil, "BreathingIntent", map[string]string{"ask": "is it", "sign": "can't breathe"}, "call 911", "safety check"},
		{nil, "BreathingIntent", nil, "call 911", "safety check"},
		{nil, "StrokeIntent", map[string]string{"ask": "is it"}, "call 911", "safety check"},
		// Whatever cause was told before, asking words that point back
		// at it leave a red-flag intent to triage (review).
		{toldBed, "StrokeIntent", map[string]string{"ask": "would that be why"}, "call 911", "mattress"},
		{toldBed, "SaddleNumbnessIntent", map[string]string{"ask": "would that be why"}, "call 911", "mattress"},
		{toldBed, "BreathingIntent", map[string]string{"ask": "could that be why", "sign": "calf"}, "safety check", "mattress"},
		{toldBed, "SwollenLegIntent", map[string]string{"ask": "could that be why", "sign": "calf"}, "safety check", "mattress"},
	}
	for _, tt := range tests {
		v := playVia(t, model, tt.before, tt.intent, tt.slots)
		low := strings.ToLower(v.Said)
		if !strings.Contains(low, tt.want) || strings.Contains(low, tt.never) {
			t.Errorf("%s %v: said %q, want %q and never %q", tt.intent, tt.slots, v.Said, tt.want, tt.never)
		}
	}
}

// TestPersonOnlyControl: a pause a device heard with only a person kept
// ("hold on, the baby's crying") is a pause: the baby is not taken for the
// one in pain. A sign kept beside the person still counts.
func TestPersonOnlyControl(t *testing.T) {
	model := enModel(t)
	tests := []struct {
		slots map[string]string
		want  string
	}{
		{map[string]string{"sign": "the baby's"}, "take your time. i'm here."},
		{map[string]string{"sign": "the baby's", "moreSign": "calf is swollen"}, "medical care today"},
	}
	for _, tt := range tests {
		c := talkCase{ID: "pause", Category: "x", Before: []string{"my legs ache", "no"}}
		via := routedIntent(model, routed{Intent: "PauseIntent", Slots: tt.slots}) // the stand-in with sign slots
		v := playTalk(t, transcriptSkill(t), c, via, nil)
		if low := strings.ToLower(v.Said); !strings.Contains(low, tt.want) || tt.want != "medical care today" && strings.Contains(low, "doctor") {
			t.Errorf("%v: said %q, want %q", tt.slots, v.Said, tt.want)
		}
	}
}

// TestSwitchLeadFits: a correction's "Okay, your calf." is said only when
// the answer, with triage's words, still fits 40 words: filled with the
// part's words it is no content line, so fit could not cut it (set qm, on
// the device path: 51 words).
func TestSwitchLeadFits(t *testing.T) {
	model := enModel(t)
	via := routedIntent(model, routed{Intent: IntentSwitchPart, Slots: map[string]string{"bodyPart": "calves", "sign": "awful", "moreSign": "tight"}})
	v := playTalk(t, transcriptSkill(t), talkCase{ID: "switch", Category: "x"}, via, nil)
	if n := alexa.CountWords(v.Said); n > 40 {
		t.Errorf("%d words: %q", n, v.Said)
	}
}

// TestTalkConcepts: turns read by concept on the console, each with what
// the answer must say and must not: a cause asked about in words no topic
// holds gets the common causes, not a safety check; a side denied is not
// the side switched to; thanks said with "ah" is no pain in a step.
func TestTalkConcepts(t *testing.T) {
	tests := []struct {
		before   []string
		text     string
		want     string
		notWants []string
	}{
		{nil, "I was up and down all day at the christening, is that why", "tired muscles", []string{"safety check"}},
		// A cause told in an earlier turn, whatever answered it, is what
		// a later question pointing back asks about (set sAF).
		{[]string{"we've had this mattress about fifteen years", "you can see the dip where I lie"}, "reckon that's what's doing it?", "mattress", []string{"ask about one"}},
		{[]string{"it was thirty-eight degrees today"}, "and that'd do it, would it?", "too little water", []string{"didn't catch"}},
		{nil, "could that be it then?", "ask about one", nil},
		// A complaint after a question pointing back is what the cause
		// told before would explain (set sAG); a warning sign is not.
		{[]string{"my husband likes a firm mattress and I hate it"}, "Right, so would that be why I'm the one waking up with achy hips?", "mattress too soft", []string{"roll off"}},
		{[]string{"I've got those knobbly veins behind both knees"}, "And could they be why my legs feel so heavy?", "varicose veins", []string{"over the side of the bed"}},
		{[]string{"my husband likes a firm mattress and I hate it"}, "could that be why my calf is swollen, red and hot", "medical care today", []string{"mattress too soft"}},
		{[]string{"my mum had terrible rheumatoid"}, "Do you think I've got what she had?", "arthritis", []string{"didn't catch"}},
		{[]string{"it's been going on for about six weeks now"}, "Should I get someone to look at it?", "doctor", []string{"didn't catch"}},
		// Someone else's condition, then the listener's own asked after.
		{nil, "My mam's knees went with arthritis at sixty, is mine starting the same way?", "arthritis", []string{"is the joint hot"}},
		{nil, "is it all those hours lying still that make it flare at night?", "at night you", []string{"safety check"}},
		// Running in the family asked of the cause named (set sAG).
		{nil, "I'm scared it's my circulation, my dad had terrible circulation, does it run in families?", "circulation", []string{"urge to move"}},
		{nil, "does restless legs run in families", "urge to move", nil},
		// What is being faced, asked (set sAE), and not a stretch asked for.
		{nil, "three weeks now of this itchy inside feeling in my legs that makes me want to stretch them, am I looking at RLS here?", "urge to move", []string{"let's stretch"}},
		{nil, "I'll try and get some sleep", "goodnight", []string{"safety check"}},
		// A listener's own job is no question about the skill (set sM).
		{nil, "I'm a nurse on a busy ward and I walked miles today, is this just tired muscles", "tired", []string{"automated helper"}},
		{nil, "is this a real nurse I'm talking to", "automated helper", nil},
		{nil, "my calf is cramping, I sat in the garden all day, is that why", "straighten your leg", nil},
		{[]string{"my calf is cramping"}, "I sat in the garden all day, is that why", "carry on where we were", []string{"is it easing"}},
		{[]string{"my calf is cramping"}, "it's the left one, not the right", "the left leg", []string{"right leg"}},
		{[]string{"my calf is cramping"}, "not the left one, the right", "the right leg", []string{"left leg"}},
		{[]string{"my calf is cramping"}, "ah lovely, that did the trick", "welcome", []string{"ease off"}},
		{[]string{"take me through a calf stretch", "ready"}, "that's a bit much for me", "", []string{"didn't catch"}},
		{nil, "I've got varicose veins, would they make my legs ache", "veins", []string{"over the side of the bed"}},
		// Mid-conversation, short questions ask about the pain under way.
		{[]string{"my hip aches when I lie on it"}, "what can I do", "roll off the sore hip", []string{"didn't catch"}},
		{[]string{"my hip aches when I lie on it"}, "what's causing it", "at night you lie still", []string{"didn't catch"}},
		{nil, "yo nigh legs, anybody home", "hello", []string{"safety check"}},
		// The side meant corrects the side said; the bottom of the feet
		// is the soles, and answers name the part corrected to.
		{[]string{"my right hip hurts when I lie on it"}, "oops I said right, I meant my left hip", "the left hip", []string{"right hip"}},
		{[]string{"my ankles ache at night"}, "it's my arches, the bottom of my feet, not my ankles", "in your feet", []string{"buttock", "ankles"}},
		// Not this stretch but the one for the part named, at "Ready?".
		{[]string{"my thigh aches", "stretch for the front of my thigh"}, "no the back of the thigh, the hamstring bit", "hamstring", []string{"take your time"}},
		// A routine named alone starts it; a twinge in a stretch eases off.
		{nil, "bedtime routine", "routine for before bed", []string{"safety check"}},
		// A statement with a question tag asks about its cause (set rz).
		{nil, "it's the wine with dinner that's giving me these foot cramps, isn't it", "caffeine and alcohol", []string{"toes up"}},
		{nil, "new mattress, hips sore, that it", "mattress", []string{"roll off"}},
		// Courtesy with a part named and nothing felt is the courtesy
		// (set ry); something felt is a complaint.
		{[]string{"guide me through the calf stretch", "ready"}, "hang on till I get the cat off my legs", "paused", []string{"safety check"}},
		{nil, "hello, I need a bit of help with my legs", "hello", []string{"safety check"}},
		{nil, "hello, my calf is cramping", "calf", []string{"what are your legs"}},
		// Words that only lend force, and a reminder of what a word means.
		{nil, "what the heck is a charley horse", "sudden, painful tightening", []string{"is it easing"}},
		{nil, "remind me what cauda equina is", "bundle of nerves", []string{"no record"}},
		// "What?" after "sorry, I didn't catch that" means the advice before it.
		{[]string{"my hip aches when I lie on it", "the left"}, "what does that mean", "roll off the sore hip", []string{"didn't catch"}},
		// Jamaican, Scots and Singapore English (set rA).
		{nil, "me cyaan sleep at all tonight", "sleep", []string{"didn't catch"}},
		{[]string{"my calf is cramping"}, "flex? wha dat mean?", "once more", []string{"didn't catch"}},
		{[]string{"show me a stretch for my hip", "ready"}, "wait ah, I need to find some space on the floor", "paused", []string{"ease off"}},
		{[]string{"show me a stretch for my hip", "ready"}, "ah that hurts", "ease off", nil},
		// The stillness, and a day's busyness, ask why at night (set rB).
		{nil, "is it the stillness", "at night you're still", []string{"safety check"}},
		{nil, "pins and needles down my leg, is a nerve being squashed", "nerve", []string{"turn slowly"}},
		{nil, "trapped nerve in my hip?", "pressed or damaged nerve", []string{"ease the pressure"}},
		// Yorkshire and Maori courtesy; a pause after any answer waits;
		// thanks for an ache that is easing (set rC).
		{nil, "ey up", "hello", []string{"safety check"}},
		{nil, "ngā mihi, dear", "welcome", []string{"didn't catch"}},
		{[]string{"my legs are stiff after driving"}, "hold on, the phone's ringing, give me a minute", "take your time", []string{"no stretch"}},
		{[]string{"my legs are aching tonight"}, "asante sana, that has really helped, the pain is going down now", "welcome", []string{"safety check"}},
		// What a question tag follows is asked about; a cause named
		// alone asks about it; what is needed beats what a neighbour had.
		{nil, "sitting in the stands I can't stop bouncing my knees, that's restless leg, eh", "urge to move", []string{"your day shows"}},
		{nil, "electrolytes", "water", []string{"safety check"}},
		{[]string{"I keep getting cramp in my calves"}, "should I be taking magnesium for these cramps, my neighbour hasn't had a cramp since easter", "magnesium", []string{"sudden, painful"}},
		// A question tag asks about what it follows only when that is
		// stated as what it is (set rE): "take iron for the restless
		// legs, is it true" asks about the iron.
		{nil, "my sister said I should take iron tablets for the restless legs, is it true", "iron", []string{"urge to move"}},
		{nil, "I should prefer that you no longer retain any record of my conversations", "remember", []string{"safety check"}},
		{[]string{"my knees ache at night"}, "I have already attempted that, to no avail", "", []string{"didn't catch"}},
		// A goodbye at the end leaves, though a pause came first.
		{[]string{"my legs ache"}, "baby's crying, gotta go, bye", "", []string{"take your time"}},
		{[]string{"hamstring stretch", "yep"}, "my lower back twinges when I lean forward like that", "ease off", []string{"safety check"}},
		// Counting words in a cause question do not ask about memory.
		{nil, "does vaping count? could the nicotine be messing with my circulation", "circulation", []string{"count"}},
		{nil, "why do my legs start hurting the minute my head hits the pillow", "at night you're still", []string{"mattress"}},
		{[]string{"hamstring stretch please", "ready", "okay"}, "alexa stop thanks", "stop there", []string{"welcome"}},
		{nil, "if it's no trouble, I think a cramp's coming on in my foot", "foot cramp", []string{"charley horse"}},
		{nil, "what do they mean by nocturnal leg cramps", "charley horse", []string{"is it easing"}},
		{nil, "have I told you about these restless legs before or is this new", "record", []string{"urge to move"}},
		{[]string{"I get cramps at night"}, "I've been stretching every single night for a month and they still come", "see a doctor", []string{"another way"}},
		// Restless legs in pregnancy: the midwife should hear of it.
		{nil, "asking for my wife, she's pregnant and her legs can't keep still at night", "her midwife", []string{"want the rest"}},
	}
	for _, tt := range tests {
		c := talkCase{ID: "concept", Category: "x", Before: tt.before, Text: tt.text}
		v := playTalk(t, transcriptSkill(t), c, nil, nil)
		low := strings.ToLower(v.Said)
		if !strings.Contains(low, tt.want) {
			t.Errorf("%v, then %q: said %q, want %q", tt.before, tt.text, v.Said, tt.want)
		}
		for _, no := range tt.notWants {
			if strings.Contains(low, no) {
				t.Errorf("%v, then %q: said %q, want no %q", tt.before, tt.text, v.Said, no)
			}
		}
	}
}

// TestDeviceControls: a stretch's controls a device sends with no
// stretch under way ("can you say it slower", "go over that again from
// the start") say the last answer again, and in a stretch "slower"
// holds longer; a device keeps a correction's side only in the part
// slot ("left leg").
func TestDeviceControls(t *testing.T) {
	model := enModel(t)
	tests := []struct {
		before []string
		via    routed
		want   string
	}{
		{[]string{"my calf is cramping"}, routed{Intent: IntentSwitchPart, Slots: map[string]string{"bodyPart": "left leg"}}, "the left leg"},
		{[]string{"why does it hurt at night"}, routed{Intent: IntentStartOver}, "at night you're still"},
		{[]string{"why does it hurt at night"}, routed{Intent: IntentSlower}, "at night you're still"},
		{[]string{"can you take me through a calf stretch", "ready"}, routed{Intent: IntentSlower}, "longer holds"},
		// A question with every word dropped, after a cause told, asks
		// about that cause (set sAF); with none told, it is not caught.
		{[]string{"I'm at my desk from eight till seven", "I don't even get up for lunch"}, routed{Intent: IntentAskAbout}, "long sitting"},
		{nil, routed{Intent: IntentAskAbout}, "didn't catch"},
		{[]string{"it was thirty-eight degrees today"}, routed{Intent: IntentTriedThat, Slots: map[string]string{"ask": "could that be it"}}, "too little water"},
		{[]string{"my calf is cramping"}, routed{Intent: IntentTriedThat}, "another way"},
		// Asking words kept that point back, on any intent (set sAG).
		{[]string{"I walked the whole coast path yesterday, fifteen miles or so"}, routed{Intent: IntentRephrase, Slots: map[string]string{"ask": "would that explain", "sign": "thighs", "moreSign": "ache"}}, "muscles are a likely cause"},
		// The signs kept beside them still count (review).
		{[]string{"I walked the whole coast path yesterday, fifteen miles or so"}, routed{Intent: IntentRephrase, Slots: map[string]string{"ask": "would that explain", "sign": "thighs ache", "moreSign": "every night for six weeks"}}, "book a doctor"},
		// Other asking words kept alone ask something else (review).
		{[]string{"my legs ache", toldBed[0]}, routed{Intent: IntentRephrase, Slots: map[string]string{"ask": "is it serious"}}, "once more"},
		// A cause ruled out is no longer the one pointed back at.
		{[]string{"we've had this mattress fifteen years", "it's not the mattress though, I checked"}, routed{Intent: IntentAskAbout}, "didn't catch"},
		// Asking words that point back with no pointer kept, and a
		// pointer hedged (set sAH).
		{[]string{"I've been a smoker for thirty years"}, routed{Intent: IntentStartRoutine, Slots: map[string]string{"ask": "to blame"}}, "circulation"},
		{[]string{"I've been doing a lot of hot yoga lately"}, routed{Intent: IntentWhoAreYou, Slots: map[string]string{"ask": "have anything to do with"}}, "too little water"},
		{[]string{"I've been doing a lot of hot yoga lately"}, routed{Intent: IntentRephrase, Slots: map[string]string{"ask": "is that likely"}}, "too little water"},
		// Not beside a pain kept ("legs killing me, is the smoking to
		// blame"): its safety question comes first (review).
		{[]string{"I've been a smoker for thirty years"}, routed{Intent: aches.Intent, Slots: map[string]string{"sign": "legs", "moreSign": "killing me", "ask": "to blame"}}, "short of breath"},
		// Not a device's "is this" alone (review of set sAH's fixes).
		{[]string{"what helps restless legs"}, routed{Intent: IntentWhoAreYou, Slots: map[string]string{"ask": "is this"}}, "not a doctor"},
		// A yes at a safety question answers it, whatever was kept.
		{[]string{"I've been doing a lot of hot yoga lately", "my legs ache tonight"}, routed{Intent: IntentYes, Slots: map[string]string{"ask": "is that likely"}}, "call 911"},
	}
	for _, tt := range tests {
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "device", Category: "x", Before: tt.before}, routedIntent(model, tt.via), nil)
		if !strings.Contains(strings.ToLower(v.Said), tt.want) {
			t.Errorf("%v, then %v: said %q, want %q", tt.before, tt.via, v.Said, tt.want)
		}
	}
}

// TestTopicAsked: the topic a question is about, when it names more than
// one: what its own asking words name after a story, not a topic denied,
// not a saying.
func TestTopicAsked(t *testing.T) {
	tests := []struct{ say, want string }{
		{"I bought a memory foam topper off the telly and my hips have been giving me grief, is the topper to blame", "mattress"},
		{"my hips give me grief at night", ""},
		{"work has been really stressful and I sit at a desk all day, could it be my desk", "routine"},
		{"is it my nerves, not stress nerves, the actual nerves in my legs", "nerves"},
		{"I've been kipping on the sofa and my legs ache, is it the sofa", "mattress"},
		{"is restless legs a real condition or is it all in my head", "restless_legs"},
		// "Is that why" points back to the story.
		{"I sweat buckets in a hot kitchen, is that why my legs cramp at night", "hydration"},
		{"since my dad passed my legs ache every night, could grief do that", "stress"},
		// A topic said with its "is" is the topic.
		{"the topper's the problem, isn't it", "mattress"},
		// What a doctor said is asked about, not what doctors do.
		{"trochanteric bursitis, the doctor mentioned it once, is that what's making my hip sore", "bursitis"},
		{"a doctor once told me I hold my stress in my body, is that what's going on", "stress"},
		// A condition right after the last question's words is asked,
		// unless a cause said after it says which.
		{"I'm stood at the chair all day, is that a vein thing", "circulation"},
		{"could it be my nerves, I mean being anxious", "stress"},
		// A bed only named, after "why", is where it hurts.
		{"why do my legs ache once I'm lying in my bed", ""},
		{"is it the bed", "mattress"},
		// "can" asks about what comes right after it, not the age told
		// before.
		{"I'm seventy-eight, and I wondered, can grief and that sort of stress come out in your legs", "stress"},
		// A question pointing back asks about what came before it, not
		// the story after (set rz); one that names its own does not.
		{"I've got bulging veins behind my knees, could they be why my legs throb after a long shift", "circulation"},
		{"I woke up with a cramp, would that be the drink drying me out", "hydration"},
		// Who asks and what their days were set the scene; a cause told
		// after them is pointed back at (set sAF), but not a medicine, a
		// couch sat on or a part that hurts since.
		{"Hairdresser here, and I've got these bulgy veins behind my knees, are they why my legs feel heavy and achy at night", "circulation"},
		{"Delivery driver here, I barely drink all day so I don't need the loo, is that why my calves cramp at night", "hydration"},
		{"I'm on night shifts and live on energy drinks, could that be why my legs cramp when I finally get to bed", "caffeine_alcohol"},
		{"my husband hardly moves off the recliner, could that be why his legs ache at night", "routine"},
		// What something is said to mean is asked about (set sAF).
		{"My nan always said cramp means you're short of potassium, is that right for me", "hydration"},
		// A cause ruled out in other words is not the one asked (set
		// sAC); weighing words stand between a question and its cause.
		{"the bed's not the issue, so is it that I hardly drink any plain water", "hydration"},
		{"it can't be overdoing it, I barely exercise, so is it more likely just my age", "age"},
		// What was tried and did nothing is not asked; a cause ruled out
		// once is ruled out wherever it is named; a clinic is a doctor;
		// "likelier" asks (set sAD).
		{"new mattress, pillow between the knees, none of it helped, restless legs after all, do you think", "restless_legs"},
		{"we cut coffee out and the cramps haven't budged, which leaves the saggy old mattress, is that the culprit", "mattress"},
		{"which is more likely, my age or the way i sleep on my front? i can't believe it's age", "mattress"},
		{"the vein clinic said my circulation is perfect, so is this need to move my legs the restless leg thing", "restless_legs"},
		{"we've swapped the mattress twice already, surely a pinched nerve in my back is likelier", "nerves"},
		{"the new job's a breeze so it's not that, is it because i'm not young anymore", "age"},
		// Not enough of something is a shortfall asked about, not a
		// denial (set sAE).
		{"3am and a cramp in my calf again, have i just not drunk enough water", "hydration"},
		// Wear said of a thing is the thing, not tired muscles.
		{"he shuffles about in worn out slippers all day, could his footwear be making his legs sore", "routine"},
		{"could a mattress that worn out be the cause", "mattress"},
		{"I'm worn out, could it be my muscles", "overuse"},
		// A thing named again is the thing it was the first time.
		{"I've been sleeping on the couch, could the couch be why my hips are sore", "mattress"},
		// A medicine someone is on, told before a question naming a
		// cause of its own, is who they are (set sK); pointed back at,
		// or asked about taking, it is still asked.
		{"i'm on the pill and the bed is rock hard. is a firm mattress enough to make your hips ache", "mattress"},
		{"my nan takes a statin, is her age why her legs ache at night", "age"},
		// Named again, pointed at or asked of, the medicine or clot is
		// what is asked (review).
		{"she had a clot before, would another clot feel like a cramp", "dvt"},
		{"I'm on the pill and do a lot of running, could the pill be why my calf aches at night", "side_effects"},
		{"I'm on the pill, which my doctor says is fine, but is sitting all day why my calf aches", "routine"},
		{"I take an antihistamine to help me nod off, is that alright with restless legs", "aggravating_medicines"},
		{"I'm on baclofen for my spasms. Can I take an extra one when my legs cramp up at night", "medicine"},
		{"should I be taking magnesium for these cramps", "magnesium"},
		{"i take a statin and my legs ache in bed. will the doctor check my muscles with a blood test", "doctor_visit"},
		{"My mate reckons I'm low on magnesium cos I sweat so much at training", "magnesium"},
		{"I take a sleeping pill sometimes after my shift, is that okay if I have restless legs?", "sleeping_pills"},
		// So is a clot someone had; a cause told after it is asked
		// about when the question asks why.
		{"i had a clot in my leg two years ago. we just got a memory foam topper, could that be why my hips ache", "mattress"},
		{"I've been on antihistamines and my restless legs are worse, could that be why", "aggravating_medicines"},
		// Words for the cause that hold another's ("worn out", "eighties").
		{"could my worn out old mattress be doing it", "mattress"},
		{"do people in their seventies get more leg cramps", "age"},
		{"I stand on a tiled floor all day at work, is the tiled floor to blame", "routine"},
		{"might I be doing too many reps at the gym", "overuse"},
		// A heat pad is a remedy, not heat nor PAD (review).
		{"is it safe to use a heat pad on my knee", ""},
		// Age, a pregnancy or a journey told first is background too
		// (kinds.background); said after an asking word it is asked.
		{"she's ninety two and her bed is lumpy, would a lumpy mattress be why her hips ache", "mattress"},
		{"I'm five months pregnant and I did a big hike on saturday, could I have overdone it", "overuse"},
		{"I'm seventy and I always sleep on my left side, is that why my hip hurts", "mattress"},
		{"we drove down to devon yesterday, have I trapped a nerve", "nerves"},
		{"I'm seventy, is that why my legs ache", "age"},
		{"because I'm expecting is that why my calves cramp when I lie on my side", "hormones"},
		{"I'm pregnant, could that be why I cramp", "hormones"},
		{"I work from home and never leave the sofa, is that why my legs ache", "routine"},
		// A pointing word before a condition named keeps the question on
		// what was told; a condition named as a thing is asked.
		{"had a DVT once, and this feels like a shock down my leg, is it a pinched nerve", "nerves"},
		// What was being done when a condition was brought on is how it
		// came; the condition is asked about (set sU). Done on its own,
		// it is asked.
		{"I think I pinched a nerve in my back lifting the shopping, can that make your leg hurt at night", "nerves"},
		{"I put my back out lifting boxes, could that be why my leg aches", "nerves"},
		{"I've been lifting boxes all day and my back hurts, is that why my legs ache", "overuse"},
		// Set sV: a long word a recogniser split is the word; two words
		// are not one ("work out"). A doing said in the past; an age
		// told as the reason; a gym not been to.
		{"um could it be mag nesium like do i need more mag nesium", "magnesium"},
		{"would they do an ultra sound on my legs", "tests"},
		{"how do I tell cramps from restless legs, I can't work out which one I've got", "restless_legs"},
		{"dad gardened all day, is that why", "overuse"},
		{"is it because mum's eighty", "age"},
		{"my mam is eighty-seven, could it be her mattress", "mattress"},
		{"i drink plenty and i haven't been to the gym, but i sit at a desk all day, does that count", "routine"},
		{"my mum doesn't really move about much in the day, does that matter", "routine"},
		{"i sorted my pillows already, could it just be that i walked the dog three times as far today", "overuse"},
		{"i already changed the mattress, is it my age", "age"},
		// A cause taken back is not asked about (set sAO); one a
		// warning sign may mean stays.
		{"could it be my circulation, or no, scratch that, I think I just overdid it moving house", "overuse"},
		{"I want to say it's my shoes but honestly I've been so anxious lately, could the worry be making my legs ache", "stress"},
		{"I was going to say the mattress but actually could it be all the walking", "overuse"},
		{"is it my shoes or my mattress", "routine"},
		// Set sAR: joints worn down, a screen sat at, a half-remembered
		// mineral.
		{"could worn down hip joints be what's causing it", "arthritis"},
		{"i sit in front of the computer from nine till seven, is that why", "routine"},
		{"does the magnesia thing matter for cramps", "magnesium"},
		// Set sAU: exertion said formally, blood flow said with "be".
		{"could i have exerted myself too much on the allotment", "overuse"},
		{"do you think her blood might not be flowing right", "circulation"},
		// Set sAX: what one thing gives or presses on is asked about;
		// pushing hard without "too"; blood pooling; a decade hit.
		{"could sitting cross legged at my desk trap a nerve", "nerves"},
		{"has forty years of football given me arthritis in my hips", "arthritis"},
		{"can long shifts on my feet give you bad circulation", "circulation"},
		{"is the ache because i push my muscles hard at the gym", "overuse"},
		{"why does blood pool in my legs by the evening", "circulation"},
		{"do joints hurt more once you hit your seventies", "age"},
	}
	for _, tt := range tests {
		if got := topicIn(tokens(tt.say)); got != tt.want {
			t.Errorf("%q: topic %q, want %q", tt.say, got, tt.want)
		}
	}
}

// TestReadTalkAsks: how a turn is read as a question, and about what (sets
// rW and rX): a story's own last question, a bed that is only a place, a
// cause said alone as a question, a feeling asked about as a condition.
func TestReadTalkAsks(t *testing.T) {
	tests := []struct{ say, intent, topic string }{
		{"Every summer my legs throb in bed, and propping them up on a pillow makes it better. Is that to do with my veins?", IntentAskAbout, "circulation"},
		{"If I lie on that side at night it's murder. Would that be the bursa inflamed?", IntentAskAbout, "arthritis"},
		{"I walked miles today. Is that why my restless legs are bad?", IntentAskAbout, "overuse"},
		// A last question why the night, naming and pointing at no
		// cause, asks why the night; one pointing back asks about the
		// story (set sK).
		{"I'm training for a race and my legs are fine on runs but ache in bed. Why does my leg pain only come on at night?", IntentWhyNight, ""},
		{"I'm training for a race. Is that why my legs ache at night?", IntentAskAbout, "overuse"},
		// Past a medicine someone is on, a question about the body
		// clock or the night asks why the night (set sL).
		{"I'm on the pill and my leg aches feel much worse at bedtime. Does the body clock change how you feel pain?", IntentWhyNight, ""},
		// A recogniser may leave the question mark off (set sK); a last
		// sentence that does not open by asking of something tells
		// (review).
		{"My feet burn at night. I may have to see about my sugar levels.", "", ""},
		// How to tell a condition asks about it with nothing felt told
		// (set sAO); with a pain told, its safety question comes first
		// (review). The night told before, asked as "then".
		{"how can you tell if it's varicose veins, my mum had them", IntentAskAbout, "varicose_veins"},
		{"How can you tell if leg ache is from varicose veins? I've got a couple on my left calf.", "", ""},
		{"how can you tell if it's sciatica? my back hurts and it shoots down my leg", "", ""},
		{"how come it waits till then", IntentWhyNight, ""},
		// A change supposed, asked whether it would help; a conclusion
		// drawn with "so"; which professional to see (set sAP). Not with
		// a sign told beside the change.
		{"if I switched to decaf after lunch would my night cramps ease off", IntentAskAbout, "caffeine_alcohol"},
		{"if I stopped stewing over money at bedtime would my legs settle down", IntentAskAbout, "stress"},
		{"if I put a topper on this hard bed would my hips stop aching", IntentAskAbout, "mattress"},
		{"if I rest would my swollen red calf get better", "", ""},
		{"so the training plan's to blame", IntentAskAbout, "overuse"},
		// A suspicion said with no question word; two things told asked
		// about as one and the other (set sAQ).
		{"pretty sure it's this rock hard new mattress", IntentAskAbout, "mattress"},
		{"I'm convinced it's the four coffees I get through every day", IntentAskAbout, "caffeine_alcohol"},
		{"could one be causing the other", IntentAskAbout, "causes"},
		{"is there a link", IntentAskAbout, "causes"},
		{"should I bother seeing someone about my hip aching at night or just leave it", IntentAskAbout, "doctor_visit"},
		{"achy thighs, stiff hips and rubbish sleep, who's best to see about it, a GP or a physio", IntentAskAbout, "doctor_visit"},
		{"Could it be dehydration, or, no, let me ask it differently, why does everything hurt more at night than in the daytime?", IntentWhyNight, ""},
		{"my husband's had his leg in plaster for three weeks and can't get comfy in bed. would a pillow under it help, or is the way he's lying the problem", IntentAskAbout, "mattress"},
		{"My feet feel like they're on fire under the duvet every night and I'm diabetic, is it connected?", IntentAskAbout, "nerves"},
		{"my hips ache at night, could it be my bed", IntentAskAbout, "mattress"},
		// Thanks, or a courtesy, said first, then a question: the
		// question (set sO); thanks alone, or for what helped, is thanks.
		{"thanks. i drink like five coffees a day, could the caffeine be dehydrating me", IntentAskAbout, "caffeine_alcohol"},
		{"cheers, could it be the mattress?", IntentAskAbout, "mattress"},
		{"thanks. weird thing is i only notice it once the lights are off, why's that", IntentWhyNight, ""},
		{"ta. played a full game of footy this arvo, would that be it", IntentAskAbout, "overuse"},
		{"no worries. he was out in the sun all day, reckon he's just dried out?", IntentAskAbout, "hydration"},
		{"thanks love that'll do", IntentThanks, ""},
		{"Ta-ra... no, ta, I mean, cheers for that", IntentThanks, ""},
		{"thank you, the pillow between the knees thing is working already", IntentThanks, ""},
		{"is pain just naturally worse at night", IntentWhyNight, ""},
		// What another cause harms is asked about (sets sN, sP); pain
		// that will not go away is no goodbye, and nothing else to
		// distract asks why the night.
		{"i drink a fair bit, can booze damage the nerves in your legs", IntentAskAbout, "nerves"},
		{"could smoking affect my circulation", IntentAskAbout, "circulation"},
		{"what treatments are there if it doesn't go away", IntentAskAbout, "treatment"},
		{"okay go away now", IntentStop, ""},
		{"is it just that there's nothing else to distract me at night", IntentWhyNight, ""},
		{"why does everything hurt more at three am", IntentWhyNight, ""},
		// "The change" after a change told points back at it (set sN).
		{"I swapped a warehouse job for a call centre and I'm sat all day now, could the change explain my aching legs at night", IntentAskAbout, "routine"},
		{"I'm fifty two and my periods have stopped, is it the change", IntentAskAbout, "hormones"},
		// Who gets a condition, asked after a child's feeling, asks
		// about the condition (set sU); "I can never get comfy" tells.
		{"he says his legs feel like they've got bugs in them and he has to keep wiggling them, can kids get restless legs", IntentAskAbout, "restless_legs"},
		{"my calves ache, can women get varicose veins", IntentAskAbout, "varicose_veins"},
		{"I can never get comfy, is it the mattress", IntentAskAbout, "mattress"},
		// Set sV: nothing done is no remedy tried; a remedy that did
		// nothing is. A why after the veins ruled out asks why the
		// night, quiet and dark being night words.
		{"not overuse, i haven't done anything, but i've been really anxious lately, can that make my legs ache", IntentAskAbout, "stress"},
		{"i tried the stretches, they haven't done anything", IntentTriedThat, ""},
		{"i don't think it's my veins, so why do i notice it more when it's quiet and dark", IntentWhyNight, ""},
		// Set sW: any doctor asked what they would check; asking whether
		// the skill is one is not that.
		{"my son is seven and wakes up upset about his legs some nights, what would the paediatrician check", IntentAskAbout, "doctor_visit"},
		{"as a nurse I have to ask, are you actually clinically qualified?", IntentWhoAreYou, ""},
		// A guess put with "am I right" asks about what was guessed (set sN).
		{"I've just gone through the menopause and my outer hip hurts when I lie on that side, I reckon it's bursitis, am I right", IntentAskAbout, "bursitis"},
		{"i haven't done any exercise in months, is that causing it", IntentAskAbout, "routine"},
		{"i was on my feet all day lifting boxes, is it from working the muscles too hard", IntentAskAbout, "overuse"},
		{"my physio said it was sciatica last year, could it be flaring up again", IntentAskAbout, "sciatica"},
		{"is it her arthritis flaring up", IntentAskAbout, "arthritis"},
		// What was told, asked as a thing named (set sO).
		{"the only thing that helps is pacing up and down the hallway. does that sound like restless leg syndrome", IntentAskAbout, "restless_legs"},
		{"okay. mine's less of a cramp and more an itch to move them, does that sound like restless legs", IntentAskAbout, "restless_legs"},
		{"hmm. does it matter which side i lie on? i always sleep on my right", IntentAskAbout, "mattress"},
		{"i've stopped my morning walks lately, could less movement be the cause", IntentAskAbout, "routine"},
		{"does the time of day actually change how much things hurt", IntentWhyNight, ""},
		{"standing at the till all day, legs like lead by night, blood flow?", IntentAskAbout, "circulation"},
		{"cramps. water?", IntentAskAbout, "hydration"},
		{"who's giving me this advice, a gp?", IntentWhoAreYou, ""},
		{"Why do my legs need to keep moving?", IntentAskAbout, "restless_legs"},
		{"um, wiggly legs at bedtime, is that an actual condition", IntentAskAbout, "restless_legs"},
		{"Why's the ache worse once I lie down?", IntentWhyNight, ""},
		// Review (set sG/sH): a part's state in a topic's words is told
		// ("is" asks nothing), and a calf that hurts keeps its safety
		// question whatever is asked of the night or of relief.
		{"my calf is so tense since I got off the plane", "", ""},
		{"my calf is so tense, is it stress", IntentAskAbout, "stress"},
		{"new pain in my calf, does your body make it worse at night", "", ""},
		{"my calf aches after walking and the only thing that helps is getting up", "", ""},
		// Set sG: a why said last asks what a restless feeling is,
		// unless a medicine is named; a condition said not to be it
		// is no topic when what it is is asked.
		{"when I'm sitting still in the evening my legs get this need to move, why", IntentAskAbout, "restless_legs"},
		{"I take the allergy pill, legs more jumpy, why?", IntentAskAbout, "aggravating_medicines"},
		{"it's not a cramp it's like electricity under the skin and I have to move, what is it", IntentAskAbout, "restless_legs"},
		{"oh god another cramp, does tea count as water", IntentAskAbout, "hydration"},
		// Set sI: a cause said alone as a question may carry a word
		// that only qualifies it; one that tells a flare does not.
		{"dodgy blood flow?", IntentAskAbout, "circulation"},
		{"blood flow problem?", IntentAskAbout, "circulation"},
		{"sciatica again?", "", ""},
		// Second review: a cause named beside a complaint, told with
		// "is" after the part, or asked bare with a qualifier after it,
		// keeps the complaint's safety question.
		{"long drive and my left calf is painful", "", ""},
		{"time of the month and my calf is sore", "", ""},
		{"my calf hurts, circulation problem?", "", ""},
		{"my knee hurts, arthritis problem?", "", ""},
		{"new pain in my calf, fewer distractions at night?", "", ""},
		// A part's state before a felt word is told, whatever came
		// before it; a helping verb before its subject asks wherever it
		// is said, and after its subject tells.
		{"sitting all day and my left calf is painful", "", ""},
		{"desk job and my calves are aching", "", ""},
		{"my legs are aching, have I overdone it", IntentAskAbout, "overuse"},
		{"my calves are killing me did I overdo it", IntentAskAbout, "overuse"},
		{"That's the wine, isn't it. Three glasses, and now my legs are cramping.", IntentAskAbout, "caffeine_alcohol"},
		{"I did it at the gym and now my calf is painful", "", ""},
		// Review: a noun subject before the helping verb tells.
		{"my calf hurts, the gym did it", "", ""},
		{"the pain was that bad after the gym I couldn't sleep", "", ""},
		{"my calf wasn't this sore until I started running", "", ""},
		// A time the pain was not there, a cause named after it, blames
		// the cause; a part that hurts told first is the complaint (set
		// sBA).
		{"it never used to hurt before we swapped to this rock hard mattress", IntentAskAbout, "mattress"},
		{"it never happened before i hit sixty does getting older make your legs ache at night", IntentAskAbout, "age"},
		{"I didn't have any of this till I started the night shifts", IntentAskAbout, "routine"},
		{"I never had cramp like this before", "", ""},
		{"my hip never hurt like this before we got the new mattress", "", ""},
		// The change supposed is asked about; a bed at fault after the
		// day's shifts is no seat (set sBA).
		{"if i did some breathing exercises before bed would my legs relax", IntentAskAbout, "stress"},
		{"i sleep days after my shifts and the spare bed is really saggy could that be why my hips hurt when i lie down", IntentAskAbout, "mattress"},
		// Scrubbing the floors is no record scrubbed; what to tell the
		// doctor asks what a doctor does (set sBA).
		{"should i stop kneeling to scrub the floors could that have inflamed my knee", IntentAskAbout, "arthritis"},
		// A cause hoped for is asked about; so is whether pain worse at
		// night is common; a joint worn out is its wear (set sBB).
		{"tell me it's just the five a side on sunday and not something worse", IntentAskAbout, "overuse"},
		{"tell me it's only the lumpy spare bed at my sister's", IntentAskAbout, "mattress"},
		{"is it common for pain to feel worse at night", IntentWhyNight, ""},
		{"if my knee joint's worn out is it going to get steadily worse every year", IntentAskAbout, "arthritis"},
		{"will the ache calm down once my legs get used to my new walking plan", IntentAskAbout, "overuse"},
		{"scrub my cramp diary", IntentForget, ""},
		{"i need tell doctor about leg pain at night, what i say?", IntentAskAbout, "doctor_visit"},
		{"what kind of questions do they ask you at the surgery about leg pain at night", IntentAskAbout, "doctor_visit"},
		{"my son played two footy matches and now his legs ache at bedtime, has he just overdone it", IntentAskAbout, "overuse"},
		// Set sJ and its review: a cause doubted beside a pain, a sign
		// or a condition of its own is the complaint, with its safety
		// question; doubted alone, it is asked about.
		{"surely it's not just my age", IntentAskAbout, "age"},
		{"i don't suppose stress could do this", IntentAskAbout, "stress"},
		{"surely that's not sciatica, my leg has gone numb", "", ""},
		{"surely it's just sciatica", "", ""},
		{"I doubt it's my statin, my legs ache", "", ""},
		{"surely it's not bursitis, my hip aches", "", ""},
		// Why the night, supposed beside a pain told and asking nothing:
		// the pain's safety question first; asked, it is answered.
		{"my calf hurts, no distractions at night", "", ""},
		{"my legs ache, nothing else to think about at night", "", ""},
		{"is it worse at night because there are no distractions", IntentWhyNight, ""},
		{"it's weird it's like my legs wait till the light's off to start", IntentWhyNight, ""},
		// Set sB: a cause ruled out, then another asked about; a cause
		// supposed, then asked about; not "whether".
		{"my mattress is new so that's not it, could i be low on potassium", IntentAskAbout, "hydration"},
		{"i don't think it's the mattress, i slept fine, but i did a twenty k hike on saturday, is that it", IntentAskAbout, "overuse"},
		{"i've ruled out the bed and my shoes, what would a specialist look for", IntentAskAbout, "doctor_visit"},
		{"i'm not overdoing it in the day, so why are my legs fine all day and sore at night", IntentWhyNight, ""},
		{"When I sit down of an evening my legs won't settle, that's restless legs syndrome, isn't it", IntentAskAbout, "restless_legs"},
		{"if it's bursitis, ice or heat eh", IntentAskAbout, "bursitis"},
		{"say it is the change, will the leg aches stop once it's over", IntentAskAbout, "hormones"},
		{"if it turns out to be my circulation, is there stuff i can do at home", IntentAskAbout, "circulation"},
		{"if it's my nerves being frazzled from worry, would a warm bath help", IntentAskAbout, "stress"},
		// Set sB: a condition named alone, then asked about; a job's
		// door and an ache that hangs about are no pause.
		{"varicose veins, should i raise my legs", IntentAskAbout, "varicose_veins"},
		{"sciatica, how long does that last", IntentAskAbout, "sciatica"},
		{"i am security guard, standing at the door of the mall whole day, is this why my legs are aching at night", IntentAskAbout, "routine"},
		{"my physio said i pushed too hard on the bike, how long will that sort of ache hang about", IntentAskAbout, "overuse"},
		{"hang about, someone's at the door", IntentPause, ""},
		// Set sA: tension "sitting in" the legs is where it is; "what's
		// behind that" asks what a feeling is.
		{"my counsellor says i hold tension in my body, could it be sitting in my legs", IntentAskAbout, "stress"},
		{"my legs won't keep still while i'm watching the telly, what's behind that", IntentAskAbout, "restless_legs"},
		{"my physio says lying still stiffens the hips up, is that why it's worse at night", IntentWhyNight, ""},
		// The body's own painkillers are the night's, not a medicine.
		{"somebody told me your body's natural painkillers drop off at night, is that why my legs feel worse after dark", IntentWhyNight, ""},
		// What a doctor would do, with no topic named.
		{"i come from poland, now living in england, what the nhs doctor will do for pain in legs", IntentAskAbout, "doctor_visit"},
		// What something means is asked about.
		{"the chemist told me to try an anti-inflammatory, does that mean it's inflammation", IntentAskAbout, "arthritis"},
		// A sign for a doctor within days keeps its conversation's safety
		// question, whatever cause is supposed or named before it.
		{"if it's sciatica, my leg has gone numb", "", ""},
		{"sciatica, what do i do, my leg keeps going numb", "", ""},
		{"my leg goes numb if it's been a long walk", "", ""},
		// Set sC: stillness in bed supposed asks why the night; told
		// with a complaint, or with a sign, it is the complaint's.
		{"would lying flat for hours make my legs stiffen up", IntentWhyNight, ""},
		{"my toes ache when i lie flat for hours", "", ""},
		{"would lying flat for hours make my legs go numb", "", ""},
		// Set sC: a cause that describes the people asked about.
		{"do anxious people get achy muscles", IntentAskAbout, "stress"},
		{"do side sleepers get more hip pain", IntentAskAbout, "mattress"},
		{"do footballers get achy legs", IntentAskAbout, "overuse"},
		{"it's like my legs want to go for a run while the rest of me is trying to sleep", "", ""},
		{"stressful job, is that why my muscles are tight", IntentAskAbout, "stress"},
		{"danced all night at the wedding and now my shins ache, was it the dancing", IntentAskAbout, "overuse"},
		{"how come my legs hurt once i stop moving", IntentWhyNight, ""},
		{"my daughter does karate and her calves ache at night", "", ""},
		{"does karate make your calves ache at night", IntentAskAbout, "overuse"},
		{"is pain just worse at night for everyone", IntentWhyNight, ""},
		{"hips ache tonight. played squash for two hours. is that it?", IntentAskAbout, "overuse"},
		{"played tennis in the sun, could losing all that salt explain the cramp tonight", IntentAskAbout, "hydration"},
		{"can stressed folk get sore legs at night", IntentAskAbout, "stress"},
		// "If it's been" tells when, and supposes nothing.
		{"my hip throbs if it's been a big day", "", ""},
		// Set sA: a saying put to the skill.
		{"me mam always said sluggish blood gave you sore legs, is there anything in that", IntentAskAbout, "circulation"},
		{"granny always say pain come out at night, is that true", IntentWhyNight, ""},
		{"My legs ache through the day, and at night it ramps up and keeps me awake. Why would the same pain be worse at night?", IntentWhyNight, ""},
		{"tingly toes at night. nerves or what", IntentAskAbout, "nerves"},
		// A guess said as a statement asks (sets rY and rZ).
		{"maybe all the gardening did it", IntentAskAbout, "overuse"},
		{"probably the coffee then", IntentAskAbout, "caffeine_alcohol"},
		{"I bet it's the new shoes", IntentAskAbout, "routine"},
		{"it's the new mattress, yeah", IntentAskAbout, "mattress"},
		{"I'd like to know if it's arthritis", IntentAskAbout, "arthritis"},
		// A condition felt, with a guess, is the complaint.
		{"I bet it's my sciatica, it hurts so much tonight", "", ""},
		{"probably my restless legs starting up again", "", ""},
		{"probably the new trainers, my hip aches so much tonight", "", ""},
		{"my hip's sore on the right", "", ""},
		{"is this the varicose veins thing?", IntentAskAbout, "varicose_veins"},
		{"my sister said it sounds like sciatica, could she be right", IntentAskAbout, "sciatica"},
		{"fine at work, but how come it starts when my head hits the pillow", IntentWhyNight, ""},
		// A last question naming again what a longer phrase of the story
		// told asks about that (set sM).
		{"my daughter's been dozing on the sofa every night since the move. Is it the sofa?", IntentAskAbout, "mattress"},
		// Background told, a question opening on a describing word
		// names what it asks (set sM).
		{"I'm twenty weeks pregnant. Could cheap trainers be the trouble?", IntentAskAbout, "routine"},
		{"I'm training for a triathlon, could I be running low on salt", IntentAskAbout, "hydration"},
		// A last question naming one cause itself asks about it,
		// whatever the story told first (sets sK, sM).
		{"We came back from a coach trip and I'm seventy one. Do your legs ache more as you get older?", IntentAskAbout, "age"},
		{"my mum's had her knee done and the physio has her on the exercise bike daily. are her legs aching at night because she's overdoing it?", IntentAskAbout, "overuse"},
		{"I work in a care home and walk miles every shift. Do legs normally throb in the bed?", IntentAskAbout, "overuse"},
		// Without a question mark, a last clause after a comma that opens
		// by asking is the question; one pointing back asks of the story
		// (set sN).
		{"my sister's legs ache in bed, she's twenty weeks along, is it just the pregnancy", IntentAskAbout, "hormones"},
		{"my calves feel heavy and achy at bedtime, is my circulation poor", IntentAskAbout, "circulation"},
		{"I do a lot of yoga and my hip clicks and aches in bed, is the joint inflamed", IntentAskAbout, "arthritis"},
		{"busy week at work, is that why my muscles ache", IntentAskAbout, "overuse"},
		// Pointed at, what a longer phrase of the story told (set sN).
		{"I've been sleeping on my friend's sofa all week and my hips are stiff. Is that the sofa?", IntentAskAbout, "mattress"},
		// Past one's age or a pregnancy, a why naming only the
		// complaint asks about what was told (review).
		{"I'm six months pregnant, how come my calves cramp at night", IntentAskAbout, "hormones"},
		{"I'm seventy five, why do my legs ache at night", IntentAskAbout, "age"},
		// Tablets asked of: which ones, the story says.
		{"my GP started me on water tablets and my calves cramp now, could the tablets be draining me", IntentAskAbout, "hydration"},
		// A cause said to be doing it, the verb left out, asks (set
		// sAL); "doing" not straight after a cause asks nothing.
		{"stress doing this", IntentAskAbout, "stress"},
		{"the mattress doing it?", IntentAskAbout, "mattress"},
		{"I've been doing a lot of walking and my calf hurts", "", ""},
		// Not beside a sign that keeps a safety question, nor of a
		// condition felt (review).
		{"sciatica doing this, my leg has gone numb", "", ""},
		{"my calf aches every night for a week, the football doing it", "", ""},
		{"cramp doing it again", "", ""},
		// The cause a last question names through a determiner and
		// describing words, not what was told before (set sAM).
		{"I drink plenty of water, so could it be those tight old boots I wear", IntentAskAbout, "routine"},
		// How to tell a cramp from a restless feeling asks the
		// difference (set sAM); a stretch asked for beside a cramp is
		// no such question.
		{"how can I tell if it's cramp or the fidgety legs thing", IntentAskAbout, "difference"},
		{"my legs go crawly at night and sometimes cramp, how would I know which it is", IntentAskAbout, "difference"},
		{"I can tell from the cramp in my calf and the fidgety legs that I won't sleep tonight", "", ""},
		// What did nothing, before and after "neither does", is not
		// what is asked (set sAM).
		{"magnesium doesn't help and neither does a hot water bottle, so might it be coming from my back", IntentAskAbout, "nerves"},
		{"the hot water bottle does nothing and nor does the magnesium, so could it be coming from my veins", IntentAskAbout, "circulation"},
		// What a physio talked about is what is asked.
		{"it's tender right on the side of my hip, the physio once talked about a fluid sac getting angry, could that have flared up", IntentAskAbout, "bursitis"},
		// Why a restless feeling, asked in a question's word order.
		{"why won't my legs keep still", IntentAskAbout, "restless_legs"},
		// Set sAR: thanks run on into a question is the question, not
		// a goodbye; thanks ending a sentence that goes on is thanks. A
		// cause named as what to stop is asked about; a remedy asked
		// whether it helps is not. Whether the night will stay worse
		// asks why the night.
		{"ok thanks, and could it be because i started playing tennis this week", IntentAskAbout, "overuse"},
		{"thanks and is it my age", IntentAskAbout, "age"},
		{"okay, that actually worked, which I genuinely did not expect, so, yeah, thanks", IntentThanks, ""},
		{"thank you so much, that helped", IntentThanks, ""},
		{"thanks, what a relief", IntentThanks, ""},
		{"cheers, is that all", IntentThanks, ""},
		{"thanks, do you know what, I feel better already", IntentThanks, ""},
		{"how do i stop my stress from doing this to my legs", IntentAskAbout, "stress"},
		{"how do i stop getting cramps after football training", IntentAskAbout, "overuse"},
		{"would putting my feet up on a pillow help the throbbing in my shins", IntentPrevent, "mattress"},
		{"how do i stop restless legs", IntentPrevent, "restless_legs"},
		{"will it always be worse at night like this", IntentWhyNight, ""},
		// ...a condition told keeps its conversation's safety question
		// (review).
		{"will nights always be this bad with my sciatica", "", ""},
		// "Work" as where one is asks nothing: the new pain is told,
		// and gets its safety check (review).
		{"I'm on my feet all day at work, but tonight there's a new sharp pain in my calf", "", ""},
		// A cause blamed by when it began (set sAT).
		{"it started the week we got the new memory foam mattress, funny that", IntentAskAbout, "mattress"},
		// "Explain" leads into a story, not a question (review).
		{"let me explain, my hip aches at night and I've been on my feet all day", "", ""},
		// Set sAU: a claim put for confirming asks about it; what to do
		// about the night being worse asks why the night.
		{"correct me if i'm wrong, but doesn't gout flare up overnight", IntentAskAbout, "arthritis"},
		{"am i right in thinking the tablets for my blood pressure dry you out", IntentAskAbout, "medicine"},
		{"my neighbour has arthritis and her knees lock up overnight, does that sound like me", IntentAskAbout, "arthritis"},
		{"is there anything i can do about the pain being worse at night", IntentWhyNight, ""},
		// Set sAV: a relative's condition asked of oneself; what changed
		// when work stopped is the day's routine.
		{"my dad had poor circulation, am i going the same way", IntentAskAbout, "circulation"},
		{"my nan had arthritis in her knees, will i get it too", IntentAskAbout, "arthritis"},
		{"my legs only started aching after i retired, could that be it", IntentAskAbout, "routine"},
		{"i'm a retired nurse and my calf has a new sharp pain tonight", "", ""},
		// Set sAW: a bed's fault said after where it is; whether a cause
		// is worth worrying about; exercises of a kind named before bed
		// are the kind's, a routine asked for stays one.
		{"the bed in the spare room is really saggy, could that be it", IntentAskAbout, "mattress"},
		{"are my high heels something to worry about or am i being daft", IntentAskAbout, "routine"},
		{"should i be worried about a blood clot", IntentAskAbout, "dvt"},
		{"would a bit of meditation before bed calm my legs down", IntentAskAbout, "stress"},
		{"show me some exercises before bed", IntentStretches, ""},
		// Review of sets sAU-sAW's passes: a pain of one's own told
		// beside a claim put for confirming or a relative's condition
		// keeps its safety question; "at night" after a bed says when;
		// a routine of exercises asked for is one.
		{"am I right in thinking it's my veins, my calf started aching this evening", "", ""},
		{"my leg aches at night, am I right that it's my circulation", "", ""},
		{"my mum had gout, am I getting it, my big toe is killing me tonight", "", ""},
		{"my sister had varicose veins, will I get them, one of my veins has gone hard and sore", "", ""},
		{"am I right in thinking it's arthritis, both knees started throbbing tonight", "", ""},
		{"my mum had gout, am I getting it, the big toe on the left is killing me tonight", "", ""},
		{"in the bed at night my legs get so uncomfortable, why", IntentWhyNight, ""},
		{"give me some relaxation exercises before bed", IntentStretches, ""},
		// Lying so still blamed for the night, asked with "make" (a
		// pain told with it keeps its safety question); "they" asked of with no
		// one else named are the doctors; with someone named, not
		// (set sAX).
		{"does lying so still make my hips hurt more at night", IntentWhyNight, ""},
		{"my calf aches because i lie so still since my operation", "", ""},
		// The night's cues read alone: a pain told beside them keeps its
		// safety question (review of set sAY).
		{"everything feels worse at night, is that normal", IntentWhyNight, ""},
		{"my legs are throbbing, everything feels worse at night", "", ""},
		{"my hips ache, is it worse at night cos of my body rhythm", "", ""},
		// The link between a cause and lying awake asks about the cause;
		// the link with lying still, or stopping moving blamed, asks why
		// the night (set sAZ).
		{"what's the link between digging the allotment and lying awake with sore thighs", IntentAskAbout, "overuse"},
		{"is there some connection between keeping still and the ache building up", IntentWhyNight, ""},
		{"is it because i stop moving once i'm in bed that it aches more", IntentWhyNight, ""},
		{"when i go to the surgery what will they check", IntentAskAbout, "doctor_visit"},
		{"would they want to do tests", IntentAskAbout, "tests"},
		{"my daughter and her husband are coming round, what would they ask me", "", ""},
		// One's age said right after a cause is when it came, not a
		// cause asked; alone it is asked (set sBD).
		{"surely it's not arthritis at my age i'm only forty", IntentAskAbout, "arthritis"},
		{"can you get a trapped nerve at my age", IntentAskAbout, "nerves"},
		{"is it just my age", IntentAskAbout, "age"},
		{"at my age is this to be expected", IntentAskAbout, "age"},
		// A word said twice for weight is read once (set sBD).
		{"today i walk very very much in the market is this why my legs are paining now", IntentAskAbout, "overuse"},
		// Having to get up and walk about is told of pain too, and
		// driving for work beside a clot asked about is the clot's
		// (review of set sBD).
		{"i have to get up and walk around at night because my legs hurt", "", ""},
		{"i drive for a living, am i at risk of dvt", IntentAskAbout, "dvt"},
		// What is drunk each time a cramp comes is asked about; a
		// cramp that comes with walking, and another condition so
		// told, are asked about themselves, and one said after the
		// trigger too (set sBE, reviews).
		{"why do i get a charley horse every time i have a few beers", IntentAskAbout, "caffeine_alcohol"},
		{"why do i get a cramp every time i walk up the hill", IntentAskAbout, "cramp"},
		{"why does my oedema get worse every time i eat salt", IntentAskAbout, "oedema"},
		{"every time i turn over my hip hurts is it bursitis", IntentAskAbout, "bursitis"},
		// A why said with force, of a pain, keeps its safety question
		// (review of set sBE).
		{"why the heck is it always my left calf", "", ""},
		// A mistranscribed "venous" is still the veins (set sBE).
		{"is it venus insufficiency that makes my legs so heavy in bed", IntentAskAbout, "circulation"},
		// Propping the legs up is told of pain and swelling too: no
		// cause asked (review of set sBE).
		{"i have to prop them up because they're so swollen", "", ""},
	}
	for _, tt := range tests {
		intent, slots := readTalk(tt.say, symptom.Read(tt.say), false)
		if intent != tt.intent || slots[slotTopic] != tt.topic {
			t.Errorf("%q: %s %v, want %s %q", tt.say, intent, slots, tt.intent, tt.topic)
		}
	}
}

// TestAskedAsExplanation: whether a condition explains or accounts for the
// pain, or is its origin, asks about it, though the words also describe the
// pain.
func TestAskedAsExplanation(t *testing.T) {
	for _, say := range []string{
		"would bad circulation be the explanation for how heavy my legs feel at night",
		"my hip arthritis, would it account for this deep ache when I lie down",
		"bad circulation, are my veins responsible for the heaviness at night",
	} {
		if intent, slots := readTalk(say, symptom.Read(say), false); intent != IntentAskAbout {
			t.Errorf("%q: %s %v, want %s", say, intent, slots, IntentAskAbout)
		}
	}
}

// TestTopicContext: signs a device kept beside a question's topic are read
// about that topic: "like 12 minutes" with "a cramp" is a cramp that won't
// ease, care today, though the question asks how long cramps last.
func TestTopicContext(t *testing.T) {
	model := enModel(t)
	v := playVia(t, model, nil, IntentAskAbout, map[string]string{"topic": "a cramp", "sign": "like 12 minutes"})
	if !strings.Contains(v.Said, "urgent care") {
		t.Errorf("said %q, want care today", v.Said)
	}
}

// TestSwitchSideKept: a side or part a device kept in a sign slot of
// SwitchPartIntent is the one the answer names.
func TestSwitchSideKept(t *testing.T) {
	model := enModel(t)
	cramp := []string{"my calf is cramping"}
	tests := []struct {
		before []string
		slots  map[string]string
		want   string
	}{
		{cramp, map[string]string{"sign": "right"}, "the right leg"},
		// Only a cause kept ("so it's the job?", set sAO): no part to
		// switch to, the cause is asked about.
		{[]string{"my legs throb a bit by bedtime"}, map[string]string{"cause": "the job"}, "your day shows at night"},
		// Not after care was called for: the care again (review).
		{[]string{"I'm short of breath and my leg hurts"}, map[string]string{"cause": "the job"}, "call 911"},
		{[]string{"my calf is swollen and hot"}, map[string]string{"cause": "the mattress"}, "urgent care"},
		{cramp, map[string]string{"sign": "both legs"}, "both legs"},
		// Only asking words kept, after a cause was told, ask about it;
		// a cause ruled out and nothing else asks about that (set sAS).
		{[]string{"my feet ache at night", "i sit at a desk all day"}, map[string]string{"ask": "is it my"}, "your day shows at night"},
		{[]string{"I'm eighty-one", "my legs ache more at night than they used to"}, map[string]string{"ruledOut": "not my age"}, "age"},
		{cramp, map[string]string{"ask": "is it"}, "the other leg"},
		// The part corrected to, kept in sign slots, not the other leg.
		{[]string{"my ankles ache at night"}, map[string]string{"sign": "bottom of my feet", "moreSign": "arches", "otherSign": "ankles"}, "your foot"},
	}
	for _, tt := range tests {
		v := playVia(t, model, tt.before, IntentSwitchPart, tt.slots)
		if !strings.Contains(strings.ToLower(v.Said), tt.want) {
			t.Errorf("%v: said %q, want %q", tt.slots, v.Said, tt.want)
		}
	}
}

// playVia plays the turns before on the console, then intent with slots
// as a device would send it.
func playVia(t *testing.T, model *infra.LanguageModel, before []string, intent string, slots map[string]string) talkVerdict {
	t.Helper()
	via := routedIntent(model, routed{Intent: intent, Slots: slots})
	return playTalk(t, transcriptSkill(t), talkCase{ID: "via", Category: "x", Before: before}, via, nil)
}

// TestAskingWordsFeelNothing: the asking words a device keeps in their
// own slot are not read as signs (triage's unread_slots), so no AskCarrier
// value may hold a feeling or a sign: "sends pain" kept there took the
// pain from "moving me toes sends pain shooting up me leg" (device check
// j062). A body part may be there ("make my knees"): where, not what.
func TestAskingWordsFeelNothing(t *testing.T) {
	// Not feelings: an activity asked about ("does walking help"), and
	// halves of signs that need a partner to be one ("can't be", "if it
	// turns out to be").
	notFelt := []string{"walk", "no_flow", "misshapen"}
	for value := range askWords {
		r := symptom.ReadKept([]string{value})
		felt := slices.DeleteFunc(slices.Clone(r.Sensations), func(s string) bool { return slices.Contains(notFelt, s) })
		if len(felt)+len(r.Facts)+len(r.Negated)+len(r.Timing) > 0 {
			t.Errorf("AskCarrier value %q reads as %v %v %v %v: a complaint's words kept as asking words", value, felt, r.Facts, r.Negated, r.Timing)
		}
	}
}

// TestNightAskedKept checks when a device's kept words ask why the night:
// asking why beside a complaint, no cause kept, no urgent sign.
func TestNightAskedKept(t *testing.T) {
	model := enModel(t)
	tests := []struct {
		name   string
		intent string
		slots  map[string]string
		want   bool
	}{
		{"how come beside a complaint", "HipPainIntent", map[string]string{"ask": "how come", "sign": "hips"}, true},
		{"a reason asked beside a complaint", "AchesIntent", map[string]string{"ask": "is there a reason", "sign": "aches"}, true},
		{"a cause kept is the cause's question", "HipPainIntent", map[string]string{"ask": "how come", "sign": "hips", "cause": "arthritis"}, false},
		{"a cause ruled out is no night question", "HipPainIntent", map[string]string{"ask": "how come", "ruledOut": "not the arthritis"}, false},
		{"other asking words", "HipPainIntent", map[string]string{"ask": "could it be", "sign": "hips"}, false},
		{"nothing asked", "HipPainIntent", map[string]string{"sign": "hips"}, false},
		{"an urgent sign stands", "HipPainIntent", map[string]string{"ask": "how come", "sign": "hip", "moreSign": "can't put any weight on it"}, false},
		{"a red-flag intent asks its safety check", "SwollenLegIntent", map[string]string{"ask": "how come", "sign": "legs"}, false},
		{"a pause holds the conversation", "AMAZON.PauseIntent", map[string]string{"ask": "how come"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := routedIntent(model, routed{Intent: tt.intent, Slots: tt.slots})
			got := nightAskedKept(in)
			if (got != nil) != tt.want {
				t.Fatalf("nightAskedKept = %v, want a night question %v", got, tt.want)
			}
			if got != nil && (got.Name != IntentWhyNight || got.Slots["sign"].Value != tt.slots["sign"]) {
				t.Errorf("got %s with sign %q, want %s keeping the sign for triage", got.Name, got.Slots["sign"].Value, IntentWhyNight)
			}
		})
	}
}

// TestWhyOfTold: a question that only points back at a cause told
// before, hedged or not (set sAH), and questions that point but ask
// something else (review).
func TestWhyOfTold(t *testing.T) {
	tests := []struct {
		say  string
		want bool
	}{
		{"would that be why my hips ache", true},
		{"would all that do it?", true},
		// A cause denied and asked back is no pointer at what was told
		// (review); "the other thing I said" is (set sAS).
		{"it's not DVT is it, could that be the problem", false},
		{"so not the shoes, what about the other thing i said", true},
		// Things told, pointed at together (set sAR: new work boots).
		{"could it be those", true},
		{"could it be them", true},
		// The pointer last, a claim with a question mark, a thing
		// like that, whether it is a thing (set sAN); "is that all?"
		// and "is it that bad?" ask nothing of a cause.
		{"is it just that?", true},
		{"could it be that, then", true},
		{"so that's the culprit?", true},
		{"so it's that?", true},
		{"so it's that", false},
		{"would a day out like that do it?", true},
		{"is that a real thing?", true},
		{"is that all?", false},
		{"is it that bad?", false},
		{"could it be that I'm just old", false},
		// Only tags after "a thing" and a thing "like that" (review).
		{"is that a thing I can do in bed?", false},
		{"would a stretch like that do it any good?", false},
		{"so is it just that?", true},
		{"is that likely the cause?", true},
		{"is that likely", true},
		{"might that explain it?", true},
		{"could that have anything to do with it?", true},
		{"would those be the problem?", true},
		{"is that where the ache's coming from?", true},
		{"would that make a difference, do you think?", true},
		{"is that all", false},
		{"is it really", false},
		{"is this", false},
		{"does it have to hurt this much", false},
		{"does that have a name", false},
		{"does that do anything", false},
		{"would it do any good", false},
		{"could it cause problems later", false},
		{"is that where I should stretch", false},
		{"does that make sense", false},
		{"would that help", false},
		{"could it be the mattress", false},
		// The tense asks the same; a pointer claimed and asked back
		// (set sAJ).
		{"would that have caused it, do you think?", true},
		{"could that have been the reason?", true},
		{"could that have something to do with it?", true},
		{"so it's probably just that, is it?", true},
		{"it'll be that, won't it", true},
		{"would that have been bad", false},
		{"it's that bad", false},
		{"it's that time again, isn't it", false},
		// Two things told pointed at as "the two"; the pointer claimed
		// first (set sAK).
		{"are the two connected?", true},
		{"that'll be the reason, will it?", true},
		{"that's the cause, is it", true},
		{"that's the reason I asked you", false},
		{"this is the problem, right", false},
		// The pointer linked to what is claimed or asked (set sAO);
		// not a side or a place.
		{"so it's just from all that?", true},
		{"is it down to that, do you think?", true},
		{"it's because of that then", true},
		{"it's from that side", false},
		{"is it down to that leg", false},
		// The pointer asked what it does (set sAQ).
		{"would it be those making them ache", true},
		{"would it be that bad", false},
	}
	for _, tt := range tests {
		if got := whyOfTold(tt.say); got != tt.want {
			t.Errorf("whyOfTold(%q) = %v, want %v", tt.say, got, tt.want)
		}
	}
}

// TestStoryTold: a cause told with nothing felt is a story (set sAH);
// any word a story does not hold may be a pain, and keeps the safety
// check (review).
func TestStoryTold(t *testing.T) {
	tests := []struct {
		say  string
		want bool
	}{
		{"I started training for a half marathon three weeks ago", true},
		{"we've had the same mattress for fifteen years", true},
		{"I've been a smoker for thirty years", true},
		{"I started training for a half marathon and it's murder", false},
		{"I had a long haul flight yesterday and I'm in bits", false},
		{"I've been a heavy smoker for thirty years", false},
		{"my wife started running and she's limping", false},
		{"I'm pregnant and it's murder", false},
		{"banana telephone", false},
		{"I've got restless legs", false},
		{"my calves ache since I started training", false},
	}
	for _, tt := range tests {
		ws := tokens(tt.say)
		found := topicsIn(ws)
		rd := symptom.Read(tt.say)
		if got := storyTold(ws, found, topicFrom(ws, slices.Clone(found)), rd, rd.Parts); got != tt.want {
			t.Errorf("storyTold(%q) = %v, want %v", tt.say, got, tt.want)
		}
	}
}

// TestCareBeforeCause: after care today or an emergency was called for
// tonight, a question about a cause hears that care first, and no routine
// is offered after it, on the turn or on "yes" to the rest; doubt hears
// the care again, and no stretch is guided (review).
func TestCareBeforeCause(t *testing.T) {
	tests := []struct {
		turns     []string
		want, not string
	}{
		{[]string{"my calf is swollen and hot", "is there a link"}, "whatever the cause, get medical care today", "want to try"},
		{[]string{"my calf is swollen and hot", "pretty sure it's the mattress", "yes"}, "", "want to try"},
		{[]string{"I'm short of breath and my leg hurts", "pretty sure it's the stairs"}, "whatever the cause, please call 911", "want to try"},
		{[]string{"I've been gardening all day", "is there a link"}, "tired muscles", "whatever the cause"},
		// Doubt, or stretches asked for, after care was called for.
		{[]string{"my calf is swollen and hot", "should I still go to urgent care"}, "please don't wait", "rarely serious"},
		{[]string{"my calf is swollen and hot", "what stretches help"}, "won't guide stretches", "calf stretch"},
	}
	for _, tt := range tests {
		n := len(tt.turns)
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "care", Category: "x", Text: tt.turns[n-1], Before: tt.turns[:n-1]}, nil, nil)
		said := strings.ToLower(v.Said)
		if !strings.Contains(said, tt.want) || strings.Contains(said, tt.not) {
			t.Errorf("%v: said %q, want %q and no %q", tt.turns, v.Said, tt.want, tt.not)
		}
	}
}

// TestTellsBesideCause: set sBA's mends kept to questions. A time the
// pain was not there blames no cause when a sign, something felt, an
// injury or a journey is told; a cause's words beside a part with a
// sign, nothing asked, are the complaint; a cramp after a flight, what
// to do asked, is no plain cramp to stretch; a cause hoped for beside a
// pain, or pain at night asked beside a fever, keeps its own questions;
// memory asked stays memory; what to say to a nurse about one's own sore
// calf keeps its safety question; scrubbing is a request to forget when
// asked of the skill or what is kept is named (two reviews).
func TestTellsBesideCause(t *testing.T) {
	tests := []struct{ say, want, not string }{
		{"it wasn't cold and pale until I started sitting all day", "safety check", "your day shows"},
		{"it never went numb before I started the night shifts", "safety check", "your day shows"},
		{"it never hurt before the car crash", "safety check", "your day shows"},
		{"I didn't feel it until I hit my shin on the coffee table", "safety check", "caffeine"},
		{"I didn't have this until after the car journey today", "safety check", "your day shows"},
		{"it wasn't hurting until after the long drive", "safety check", "your day shows"},
		{"I hadn't noticed it before I started the night shifts, but tonight it's a new sharp stabbing pain", "numbness between", "your day shows"},
		{"what have you got on me, I never had this before the new mattress", "no record", "mattress too soft"},
		{"has this happened before", "no record", ""},
		{"we moved furniture all day and my back and leg hurt and my leg is numb", "numbness between", "tired muscles"},
		{"my calf keeps cramping since the long flight, what should I do", "", "straighten your leg"},
		{"tell me it's just my age, my calf has been sore since the flight", "short of breath", "with age"},
		{"is it common for pain to be worse at night with a fever", "", "you're still and undistracted"},
		{"it never hurt before I started HRT", "safety check", ""},
		{"has that happened before this week", "no record", ""},
		{"I want you to scrub my history", "shall i delete everything", ""},
		{"and scrub my nights too", "shall i delete everything", ""},
		{"can I scrub the kitchen floor with a bad knee", "", "delete"},
		{"I knelt to scrub my nightie stains and now my knees hurt", "", "delete"},
		{"it's never happened before I started HRT, my calf aches", "short of breath", ""},
		{"it never happened before the flight, now my calf aches", "short of breath", "no record"},
		{"the cramp happened before midnight and it still hurts", "", "no record"},
		{"has that happened before this week", "no record", ""},
		{"is it common for cramps to be worse at night", "", "is it easing"},
		{"should I put my legs up, my calf hurts", "safety check", "circulation can"},
		{"my legs want move but they won't, they've gone weak", "call 911", ""},
		{"the nurse is calling back about my sore calf, what should I say", "short of breath", "a doctor asks"},
		{"scrub my name off your system", "shall i delete everything", ""},
		{"should i stop kneeling to scrub the floors could that have inflamed my knee", "arthritis", "delete"},
	}
	for _, tt := range tests {
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "tells", Category: "x", Text: tt.say}, nil, nil)
		said := strings.ToLower(v.Said)
		if !strings.Contains(said, tt.want) || tt.not != "" && strings.Contains(said, tt.not) {
			t.Errorf("%q: said %q, want %q and no %q", tt.say, v.Said, tt.want, tt.not)
		}
	}
}

// TestOrdinalPick: one of the causes told together, picked by its order,
// is asked about (set sAT); with one cause told, or a sign told with the
// pick, there is no pick.
func TestOrdinalPick(t *testing.T) {
	story := "I've been training for a half marathon and my mattress is a bit old too"
	tests := []struct {
		turns     []string
		want, not string
	}{
		{[]string{story, "is it the first thing then"}, "tired muscles", "mattress too soft"},
		{[]string{story, "I reckon it's the second one"}, "mattress too soft", "tired muscles"},
		{[]string{story, "probably the latter"}, "mattress too soft", "tired muscles"},
		{[]string{story, "is it the first thing then, my calf is swollen and hot"}, "urgent care", "tired muscles"},
		// A part or a feeling told with the pick tells; at a safety
		// question "the first one, a bit" may answer it (review).
		{[]string{story, "the first one was bad, my calf is aching"}, "short of breath", "likely cause"},
		{[]string{story, "my calf aches", "the first one, a bit"}, "", "likely cause"},
		// Told in two turns, in the order said.
		{[]string{"I've been training for a half marathon", "and my mattress is a bit old too", "is it the first thing then"}, "tired muscles", "mattress too soft"},
	}
	for _, tt := range tests {
		n := len(tt.turns)
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "pick", Category: "x", Text: tt.turns[n-1], Before: tt.turns[:n-1]}, nil, nil)
		said := strings.ToLower(v.Said)
		if !strings.Contains(said, tt.want) || strings.Contains(said, tt.not) {
			t.Errorf("%v: said %q, want %q and no %q", tt.turns, v.Said, tt.want, tt.not)
		}
	}
	// "Which of those is it" is answered when the others were ruled
	// out since, not while two stand.
	if got := ordinalPick(tokens("which of those is it then"), []string{"restless_legs"}); got != "restless_legs" {
		t.Errorf("which, one left: picked %q", got)
	}
	if got := ordinalPick(tokens("which of those is it then"), []string{"stress", "restless_legs"}); got != "" {
		t.Errorf("which, two left: picked %q", got)
	}
	if got := ordinalPick(tokens("the first one"), []string{"overuse"}); got != "" {
		t.Errorf("one cause told: picked %q", got)
	}
}

// TestCareAgain: after care today or an emergency was called for, words
// not understood, or a yes or an okay with nothing asked, hear that care
// again, not "tell me where it hurts"; with no care called for, the
// fallback stands.
func TestCareAgain(t *testing.T) {
	tests := []struct {
		turns     []string
		want, not string
	}{
		{[]string{"my calf is swollen and I'm short of breath", "okay"}, "please call 911", "where it hurts"},
		{[]string{"my calf is swollen and I'm short of breath", "yes"}, "please call 911", "where it hurts"},
		{[]string{"my calf is swollen hot and red and only one leg", "no"}, "needs a doctor today", "where it hurts"},
		{[]string{"hello", "okay"}, "where it hurts", "earlier"},
		// A question waiting since keeps its turn; opening the skill
		// again hears the care first (third review).
		{[]string{"my calf is hot, red and swollen", "my back hurts and my leg is numb", "blah blah fish"}, "", "still needs"},
		{[]string{"my calf is swollen and I'm short of breath", ""}, "please call 911", ""},
	}
	for _, tt := range tests {
		n := len(tt.turns)
		v := playTalk(t, transcriptSkill(t), talkCase{ID: "again", Category: "x", Text: tt.turns[n-1], Before: tt.turns[:n-1]}, nil, nil)
		said := strings.ToLower(v.Said)
		if !strings.Contains(said, tt.want) || tt.not != "" && strings.Contains(said, tt.not) {
			t.Errorf("%v: said %q, want %q and no %q", tt.turns, v.Said, tt.want, tt.not)
		}
	}
	// A device sends a question with every word dropped to AskAboutIntent.
	v := playVia(t, enModel(t), []string{"my calf is swollen and I'm short of breath"}, IntentAskAbout, nil)
	if said := strings.ToLower(v.Said); !strings.Contains(said, "please call 911") {
		t.Errorf("an empty question after a call for 911: said %q", v.Said)
	}
}
