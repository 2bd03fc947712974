package intents

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/nightlegs/nightlegs/intents/circulation"
	"github.com/nightlegs/nightlegs/intents/cramp"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/intents/hip"
	"github.com/nightlegs/nightlegs/intents/joint"
	"github.com/nightlegs/nightlegs/intents/nerve"
	"github.com/nightlegs/nightlegs/intents/restless"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// A device's statistical NLU sends many questions about a cause ("could
// arthritis be why my hip hurts at night", "I walked miles today, is that
// why") to a symptom intent and keeps only that intent's slots, so the
// question words are lost. The symptom intents, the red-flag ones among
// them, and the conversational ones a device sends questions to therefore
// carry two slots of their own (infra/model/ask.json and the intents'
// fragments): slotCause, a TalkTopic, and slotAsk, the words that ask
// ("could it be", "is that why", "to blame", "do I need"). Which ones was
// measured on the blind sets (README).
const (
	slotCause = "cause"
	slotAsk   = "ask"
	// slotMoreCause keeps a second cause beside slotCause, on the same
	// intents: a device fills each slot once, longest phrase first, so the
	// cause asked about is often the shorter one ("magnesium" beside "night
	// cramps", "salt" beside "the gym").
	slotMoreCause = "moreCause"
	// slotRuledOut keeps a cause ruled out with the words that rule it
	// out ("not the veins", "my mattress is fine"), beside slotCause on
	// the same intents: talk.yaml's ruled_out_heard.
	slotRuledOut = "ruledOut"
	// askOpener and askRequest are AskCarrier IDs (infra/model/ask.json):
	// a question's opening word, and a request made of the skill.
	askOpener  = "opener"
	askRequest = "request"
	askWhy     = "why"
	// slotComplaint is SomeoneIntent's: what the other person has
	// ("growing pains", "achy legs").
	slotComplaint = "complaint"
)

// askingIntents are questions themselves: a cause kept in their slots is
// what they ask about ("is poor blood flow why my legs ache at night",
// "am I just getting on a bit"), with or without asking words kept.
var askingIntents = []string{IntentWhyNight, IntentWorried}

// topicAskers are intents that never take a cause themselves: a device
// sends a question there when its other words matched ("is paracetamol
// alright for achy legs at night": goodnight; "what does peripheral
// neuropathy mean": rephrase; "do them magnesium sprays do anything":
// when to see a doctor, set rg; "I'm sixty-eight, does this just come
// with age": who the skill is, set sQ), so a topic kept in their cause
// slot is what was asked, with or without asking words (a doctor named
// to who the skill is asks who it is, causeAsked). When to see a doctor
// and leaving stand for themselves unless the topic is a medicine ("when
// should I see someone about my varicose veins" asks when).
var topicAskers = []string{IntentStop, IntentWhenDoctor, IntentRephrase, IntentNext, IntentPrevious, IntentResume,
	IntentStartOver, IntentWhichStep, IntentVoiceLouder, IntentGreet, IntentWhoAreYou}

// causeAsked returns the AskAboutIntent a symptom or question intent
// stands for when its slots name a cause and ask about it, and no word
// kept in them is a warning sign for care today or an emergency: then the
// listener asked a question and gets its answer, with the warning-sign
// slots kept for triage to read (a sign for a doctor within days still
// adds its line). It returns nil otherwise.
func causeAsked(in *alexa.Intent) *alexa.Intent {
	if in == nil {
		return nil
	}
	if _, ok := in.Slots[slotCause]; !ok {
		return nil
	}
	in = withoutPlainAsk(in)
	topic, id := causeOf(in)
	fromAskWords := false
	if id == "" {
		topic, id = askedOnly(in)
		fromAskWords = id != ""
	}
	if id == "" {
		topic, id = ruledOnly(in)
	}
	felt := false
	if in.Name == IntentWhyNight {
		topic, id, felt = feltAtNight(in, topic, id)
	}
	if id == "" || neverInstead[id] || in.Name == IntentWhyNight && !felt && dayOnly(in, id) {
		return nil
	}
	if in.Name == IntentWhyNight && slices.Contains(talk.Words.NightRemedies, strings.ToLower(in.Slots[slotCause].Value)) {
		// "Do painkillers wear off overnight, is that why it's worse",
		// "your body's natural painkillers drop at night, is that why":
		// pain relievers named generally ask about the night.
		return nil
	}
	if plainBed(id, topic.Value) {
		// "My legs can't keep still in the bed, is that the restless leg
		// business": a bed only named is where it happens (set rB).
		return nil
	}
	// Pain at rest is told in words a device drops ("it hurts when I lie
	// flat", "better hanging down"), so the rest-pain intent stands for
	// it, cause or not, unless the words kept in its warning-sign slots
	// are something else ("ants under the skin of my shins", "gout",
	// set rd): then its sign is withheld, and the question is answered.
	if in.Name == circulation.IntentRestPain && triage.Stands(in.Name, keptSigns(in)) {
		return nil
	}
	// Asking words that name a doctor, kept beside a cause, ask what a
	// doctor does as they do alone.
	fromAskWords = fromAskWords || id == "doctor_visit" && topic.Value != "" && topic.Value == in.Slots[slotAsk].Value
	if in.Name == IntentWhoAreYou && id == "doctor_visit" && !(fromAskWords && (len(keptSigns(in)) > 0 || in.Slots[slotCause].Value != "")) {
		// "Are you a doctor" asks who the skill is; asking words that
		// name a doctor ("what would the doctor", kept beside "my
		// calves have been aching") ask what a doctor does (set sE),
		// and so does a test or a treatment named ("is there a blood
		// test the doctor can do": set sP).
		return nil
	}
	if in.Name == IntentThanks && in.Slots[slotAsk].Value == "" {
		// "Thanks for that, I'll mention it to the physio": thanks with
		// a plan or a cause named, and nothing asked, is thanks.
		return nil
	}
	// What a doctor does, or which one to see, is a question whoever says
	// it: "should I show to a rheumatologist for this hip pain".
	// "Is leg cramping a pregnancy thing": "a ... thing" asks too.
	v := strings.ToLower(in.Slots[slotCause].Value)
	thing := (strings.HasPrefix(v, "a ") || strings.HasPrefix(v, "an ")) && strings.HasSuffix(v, " thing")
	// A medicine kept with "I tried that" ("magnesium spray or tablets,
	// which one's better"; "the magnesium hasn't done a thing") is
	// answered with what is known about it: a device sends questions
	// about medicines there (set qq).
	// Warmth tried ("the hot water bottle isn't doing a thing") wants
	// something else to try, as on the console.
	triedMedicine := in.Name == IntentTriedThat && medicines[id] && id != "medicine" && id != "heat"
	// Leaving keeps its topic only when it is a medicine: "got a four
	// a.m. start hauling, y'all take care, night" leaves (set ry).
	// When to see a doctor keeps a cause that is no condition only when
	// it was asked about: "is coffee doing it" (set sV) is no question
	// of when, as "when should I see someone about my veins" is.
	asker := slices.Contains(topicAskers, alexa.Builtin(in.Name)) && (in.Name != IntentWhenDoctor && alexa.Builtin(in.Name) != IntentStop || medicines[id] ||
		in.Name == IntentWhenDoctor && !conditions[id] && !doctorTopics[id])
	// A pause keeps what the listener goes to do ("just a sec, I'm
	// rolling onto my back"); a state is nothing one does: "just my age"
	// (the pause intent with "my age" kept, set sS) asks about it.
	// Only the cause's own slot: "hold on, the baby's crying" keeps "the
	// baby's" in a sign slot, and stays a pause. So with the questions
	// about what is remembered ("I'm sixty-two, do your legs just hurt
	// more at night once you're older": RecallMemoryIntent with "older"
	// kept); not with a request to stop remembering, which must stand.
	stateAsked := (alexa.Builtin(in.Name) == IntentPause || in.Name == IntentMemoryCount || in.Name == IntentRecall) && states[topicIn(tokens(v))]
	if in.Slots[slotAsk].Value == "" && !doctorTopics[id] && !thing && !(slices.Contains(askingIntents, in.Name) && v != "") && !asksIn(v) && !triedMedicine && !asker && !stateAsked && !namedAlone(in, id) && !crampsBlamed(in, id) && !felt && !ruledBeside(in, id) && !bedAsked(in, id) {
		return nil
	}
	if urgentKept(in) {
		return nil
	}
	out := &alexa.Intent{Name: IntentAskAbout, ConfirmationStatus: in.ConfirmationStatus, Slots: map[string]alexa.Slot{slotTopic: topic}}
	for name, s := range in.Slots {
		// Every word kept stays for triage, the cause's too ("hip
		// bursitis" with "seven weeks" is outer hip pain not better
		// after weeks) and the part's ("ankles" beside "both" and
		// "bulging": both ankles swollen, set d on the device path).
		if name != slotAsk && name != slotTopic {
			out.Slots[name] = s
		}
	}
	return out
}

// withoutPlainAsk returns in without its asking words when they ask
// nothing of a cause: a request ("would you mind helping with a cramp",
// "can you just wait while I grab my water"), or a question's opening
// word ("does", "can", "am I") kept where it is the intent's own: a
// pause or a routine's control asked for ("can you pause, the baby's
// crying"), or a question that is the intent itself and names neither a
// cause nor a condition ("why does it only hurt at night, I'm fine
// running around all day" asks why the night, "does gout cause leg pain
// at night" about gout). Anywhere else a question's opening word is what
// tells "does poor circulation ache more lying down" from a complaint; a
// device keeps no question mark (set sV).
func withoutPlainAsk(in *alexa.Intent) *alexa.Intent {
	_, id := in.Slots[slotAsk].Resolved()
	name := alexa.Builtin(in.Name)
	own := heldOver(name) && name != IntentYes && name != IntentNo
	if slices.Contains(askingIntents, in.Name) && in.Slots[slotCause].Value == "" {
		_, sign := signTopic(in)
		own = own || !conditions[sign]
	}
	if id != askRequest && (id != askOpener || !own) {
		return in
	}
	out := *in
	out.Slots = maps.Clone(in.Slots)
	delete(out.Slots, slotAsk)
	return &out
}

// feltAtNight returns the condition asked about when a device sent "why
// do I get the urge to move my legs when I lie down" to WhyNightIntent:
// why a feeling that is a condition comes at night asks what it is, as
// on the console (asksWhatThat), asking words kept or not. A cause read
// from the feeling's own words is no cause ("legs want to go for a run":
// not a run); one kept elsewhere stays ("pregnant"). The condition named
// ("why are my restless legs worse at night") asks why the night. It
// returns the topic and ID it was given, and false, otherwise.
func feltAtNight(in *alexa.Intent, topic alexa.Slot, id string) (alexa.Slot, string, bool) {
	said := keptSigns(in)
	c, ok := feltConditions[symptom.ReadKept(said).Topic]
	if !ok || conditionSaid(said) {
		return topic, id, false
	}
	inFeeling := in.Slots[slotCause].Value == "" && feltConditions[symptom.ReadKept([]string{topic.Value}).Topic] == c
	// Asking words that ask what it is ("I get this pulling crawly
	// sensation when I sit down to watch telly, what causes that")
	// ask about the feeling whatever else was kept, as on the console
	// (set sG). Asking why ("why", "how come") is not asking what it
	// is: a cause kept answers it ("why ... now I'm pregnant").
	ask := tokens(in.Slots[slotAsk].Value)
	named := !whyAsked(ask) && asksWhatThat(ask)
	if id != "" && id != c && !inFeeling && !named {
		return topic, id, false
	}
	if id != c {
		topic, id = topicSlot(strings.Join(said, " "), c), c
	}
	return topic, id, true
}

// dayOnly reports whether the why-the-night intent keeps what fills the
// day as its cause, with only the words that open a why question: "all
// day at my market stall I don't feel a thing, but once I'm in bed the
// ache shows up, why is that" sets the day against the night, and asks
// why the night (talk.yaml's days and why_openers).
func dayOnly(in *alexa.Intent, id string) bool {
	ask := strings.Join(tokens(in.Slots[slotAsk].Value), " ")
	return slices.Contains(talk.Kinds.Days, id) && slices.Contains(talk.Words.WhyOpeners, ask)
}

// conditionSaid reports whether words a device kept name restless legs
// itself (talk.yaml's condition_names), not only what it feels like.
func conditionSaid(said []string) bool {
	return slices.ContainsFunc(said, func(v string) bool { return phraseIn(tokens(v), condNames) })
}

// namedAlone reports whether a condition is all a device kept ("veins?",
// set rX; "my varicose veins"): a condition named on its own, with no
// complaint kept beside it, is asked about. A cramp named alone is a
// cramp, and gets its relief. A condition kept alone in a warning-sign
// slot stays the complaint: "sciatica?" and "my sciatica's flared up
// again" both reach the sciatica intent with only "sciatica" kept, and
// the complaint's safety question must be asked (set sC, review).
func namedAlone(in *alexa.Intent, id string) bool {
	if !conditions[id] || id == "cramp" || slices.Contains(topicAskers, alexa.Builtin(in.Name)) || heldOver(in.Name) {
		// When to see a doctor, and the like, stand for themselves
		// ("when should I see someone about my varicose veins").
		return false
	}
	for name, s := range in.Slots {
		if name != slotCause && s.Value != "" {
			return false
		}
	}
	return true
}

// crampsBlamed reports whether the cramp intent (or sleeplessness, where
// a device sends "does potassium help, I get cramps at night": set sV)
// kept one of crampCauses (talk.yaml's kinds) beside cramps in the
// plural, and nothing saying a cramp is under way ("a cramp",
// "cramping", "still"): a cause blamed for cramps that come is asked
// about, whatever asking words the device dropped; a cramp now gets its
// relief.
func crampsBlamed(in *alexa.Intent, id string) bool {
	if in.Name != cramp.Intent && in.Name != IntentCantSleep || !crampCauses[id] {
		return false
	}
	plural := false
	for name, s := range in.Slots {
		if !triage.SignSlot(name) {
			continue
		}
		for _, w := range tokens(s.Value) {
			switch w {
			case "cramps":
				plural = true
			case "cramp", "cramping", "cramped", "still", "now", "right", "tonight":
				return false
			}
		}
	}
	return plural
}

// bedAsked reports whether a device sent a question about the bed to a
// softer voice, the word "soft" being what it matched ("mattress too
// soft, that why my hip hurts?": VoiceSoftIntent with "too soft" and
// "mattress" kept, set sS): the mattress kept as the cause is asked
// about, asking words dropped or not. A bed only named is where the
// listener lies ("talk softly, I'm in bed").
func bedAsked(in *alexa.Intent, id string) bool {
	name := alexa.Builtin(in.Name)
	return (name == IntentVoiceSoft || name == IntentVoiceWhisper) && id == "mattress" && !plainBed(id, in.Slots[slotCause].Value)
}

// heldOver reports whether an intent holds the conversation over (a
// pause, a routine's controls, a voice change): a thing named alone with it
// is what the listener is doing ("just a sec, I'm rolling onto my back",
// "the wife's asleep, gotta move quiet"), not asked about.
func heldOver(name string) bool {
	name = alexa.Builtin(name)
	return slices.Contains(routineControls, name) || name == IntentVoiceSoft || name == IntentVoiceWhisper || name == IntentVoiceLouder
}

// askedOnly returns what a question asks about when a device kept its
// asking words and no cause: a doctor named in them ("would the doctor
// need to examine my legs": what a doctor does), or a feeling that is a
// condition kept beside them ("legs fizzing till I get up, what's that":
// restless legs), set rX.
func askedOnly(in *alexa.Intent) (alexa.Slot, string) {
	ask := in.Slots[slotAsk].Value
	if ask == "" {
		return alexa.Slot{}, ""
	}
	if doctorNamed(ask) {
		return topicSlot(ask, "doctor_visit"), "doctor_visit"
	}
	if c, ok := feltConditions[symptom.ReadKept(keptSigns(in)).Topic]; ok {
		return topicSlot(ask, c), c
	}
	return alexa.Slot{}, ""
}

// doctorNamed reports whether asking words name a doctor ("what would
// the doctor", "will the gp").
func doctorNamed(ask string) bool {
	return anyIn(tokens(ask), talk.Words.Doctors)
}

// causeOf returns the cause an intent's slots name, as AskAboutIntent's
// topic slot, and its TalkTopic ID ("" if none): the cause slot's, or
// else a warning-sign slot's words that are a TalkTopic phrase too. Where
// the two types share words (a run, a hike, sciatica, inflammation) the
// sign slots take them, so triage always reads them.
func causeOf(in *alexa.Intent) (alexa.Slot, string) {
	if s := in.Slots[slotCause]; s.Value != "" {
		if _, id := s.Resolved(); talk.Topics[id].Text != "" {
			setting := id
			if curledToes(in) {
				// "Could low calcium be why my toes curl up and cramp":
				// the curling is the cramp, and the other cause kept is
				// asked about.
				setting = "cramp"
			}
			if more, other := otherCause(in, setting); other != "" {
				return more, other
			}
			if more, other := pastRemedy(in, id); other != "" {
				return more, other
			}
			if enoughOf(s.Value) {
				// "I've ruled out the bed and I drink enough, so could it
				// be stress": what is had enough of is ruled out, and the
				// other cause kept is asked (set sAC).
				_, ruled := in.Slots[slotRuledOut].Resolved()
				if more, other := causeBeside(in, func(o string) bool { return o != id && o != ruled && !settings[o] }); other != "" {
					return more, other
				}
			}
			if plainBed(id, s.Value) {
				// "Since then my feet burn under the duvet, is it
				// neuropathy": a plain bed is where it comes, and a
				// condition kept as a sign is what is asked (set sAC).
				if c, other := signTopic(in); other != "" && conditions[other] {
					return c, other
				}
			}
			if id == "cramp" {
				// "May I ask whether insufficient fluid intake could
				// bring on nocturnal cramps": the cramps a device kept as
				// the cause are the complaint; a cause kept in a sign
				// slot is what is asked (set sF's "are these night cramps
				// from the heat" shows the pattern).
				if s, other := signTopic(in); other != "" && other != "cramp" {
					return s, other
				}
			}
			if ask := in.Slots[slotAsk].Value; (settings[id] || !conditions[id] && !doctorTopics[id]) && doctorNamed(ask) {
				// "I stand all day at the factory, what would the doctor
				// want to know": the day is the setting, the doctor what
				// is asked (set sY); so is something tried ("I've tried
				// stretching and drinking more, what would a doctor
				// actually do", set sAC).
				return topicSlot(ask, "doctor_visit"), "doctor_visit"
			}
			if id == "doctor_visit" {
				// "The doctor said I had a touch of arthritis, is that
				// why": what the doctor named is asked about.
				if s, other := signTopic(in); other != "" && other != "cramp" {
					return s, other
				}
			}
			if c, other := contrasted(in, id); other != "" {
				return c, other
			}
			if c, other := conditionNamed(in, id); other != "" {
				return c, other
			}
			s.Name = slotTopic
			return s, id
		}
		if id := topicWords[strings.Join(tokens(s.Value), " ")]; id != "" {
			if c, other := contrasted(in, id); other != "" {
				return c, other
			}
			if c, other := conditionNamed(in, id); other != "" {
				return c, other
			}
			return topicSlot(s.Value, id), id
		}
		return alexa.Slot{}, ""
	}
	return signTopicOver(in, settings)
}

// pastRemedy returns the cause a device kept in slotMoreCause when the
// cause slot keeps a medicine or remedy and the other is a cause of
// another kind, neither a condition nor a setting: "I've been taking
// paracetamol before bed, though I wonder if it's my pillows" asks
// about the pillows (set sAB), as the console reads a remedy told first
// (talk.go's takenAt). A condition beside a medicine is whom it is for
// ("is ibuprofen okay for my arthritis"), and a drink beside it when
// (how many panadol, "I had two at tea time"). It returns "" otherwise.
func pastRemedy(in *alexa.Intent, id string) (alexa.Slot, string) {
	if !medicines[id] {
		return alexa.Slot{}, ""
	}
	return causeBeside(in, func(other string) bool {
		return !medicines[other] && !drinks[other] && !conditions[other] && !settings[other] && !doctorTopics[other] && !serious[other]
	})
}

// causeBeside returns the cause a device kept in slotMoreCause, as the
// topic, when it has an answer and asked says it is the one asked; ""
// otherwise.
func causeBeside(in *alexa.Intent, asked func(other string) bool) (alexa.Slot, string) {
	s := in.Slots[slotMoreCause]
	if s.Value == "" {
		return alexa.Slot{}, ""
	}
	_, other := s.Resolved()
	if talk.Topics[other].Text == "" || !asked(other) {
		return alexa.Slot{}, ""
	}
	s.Name = slotTopic
	return s, other
}

// enoughOf reports whether a cause's words say it is had enough of
// ("drink enough", "drinking plenty"), not that it falls short ("not
// drinking enough", "too little water").
func enoughOf(v string) bool {
	ws := tokens(v)
	return anyIn(ws, talk.Words.Enough) &&
		!anyIn(ws, talk.Words.ShortOf)
}

// curledToes reports whether the cause a device kept is a curling
// (talk.yaml's curl_words) said of toes or feet, or of a cramp, kept
// beside it (curl_parts): the cramp, not a way of lying.
func curledToes(in *alexa.Intent) bool {
	if !anyIn(tokens(in.Slots[slotCause].Value), talk.Words.CurlWords) {
		return false
	}
	for name, s := range in.Slots {
		if name == slotCause || name == slotMoreCause || name == slotAsk || name == slotRuledOut {
			continue
		}
		if anyIn(tokens(s.Value), talk.Words.CurlParts) {
			return true
		}
	}
	return false
}

// otherCause returns the cause a device kept in slotMoreCause when the
// cause slot's, the longer phrase, is only where the question is set
// (talk.yaml's settings): the cramps themselves ("should I be taking
// magnesium for my night cramps"), or someone's age or days ("I sweat
// buckets at the gym, am I losing too much salt", "I'm on five coffees a
// day to get through my shift"). The other is not a setting itself, nor
// a doctor ("the physio has me doing the stairs, am I overdoing it"), a
// serious condition, the cause ruled out, or the bed: over the causes
// sets a bed or pillow beside a day's work was as often where the legs
// ache ("legs ache in the bunk", "we sorted the pillows") as the
// question. It returns "" otherwise.
func otherCause(in *alexa.Intent, id string) (alexa.Slot, string) {
	if !settings[id] {
		return alexa.Slot{}, ""
	}
	_, ruled := in.Slots[slotRuledOut].Resolved()
	return causeBeside(in, func(other string) bool {
		return other != ruled && !settings[other] && !doctorTopics[other] && !serious[other] && other != "mattress"
	})
}

// ruledOnly returns the cause a device kept ruled out, as the topic,
// when asking words were kept beside it and no other cause: "can't be my
// varicose veins throbbing, can it", "surely that's not arthritis
// starting", "I doubt it's a pinched nerve, but it shoots down to my
// knee" ask about that cause after all. Over the causes sets, 10 of the
// 13 such questions did (the common causes, tried first, answered none
// of them); the others asked about something the device dropped ("it's
// not the arthritis… but my mum did a double shift on her feet"). Ruled
// out with nothing asked, nothing is; an intent that is a question itself
// ("why is it worse when I lie still, it isn't arthritis") asks what it
// always asks.
func ruledOnly(in *alexa.Intent) (alexa.Slot, string) {
	s := in.Slots[slotRuledOut]
	if s.Value == "" || in.Slots[slotAsk].Value == "" || slices.Contains(askingIntents, in.Name) {
		return alexa.Slot{}, ""
	}
	if _, id := s.Resolved(); talk.Topics[id].Text != "" {
		return topicSlot(s.Value, id), id
	}
	return alexa.Slot{}, ""
}

// ruledBeside reports whether a device kept a cause ruled out beside the
// topic id: ruling one cause out and naming another asks about the other
// ("my mattress is fine, could it be the shoes" with the asking words
// dropped).
func ruledBeside(in *alexa.Intent, id string) bool {
	s := in.Slots[slotRuledOut]
	if s.Value == "" {
		return false
	}
	_, ruled := s.Resolved()
	return ruled != id
}

// intentTopics are the conversations the symptom intents open: a
// device's choice of intent says which condition the words were about,
// so contrasted can tell the condition asked from the one ruled out.
var intentTopics = map[string]session.Topic{
	cramp.Intent: cramp.Topic, joint.Intent: joint.Topic, hip.Intent: hip.Topic, restless.Intent: restless.Topic,
	nerve.Intent: nerve.Topic, nerve.IntentSciatica: nerve.Topic, circulation.Intent: circulation.Topic,
}

// contrasted returns the condition a device kept in a warning-sign slot
// when the cause slot keeps another condition and the intent is the
// sign's own conversation: "it's not a cramp, it shoots down the back of
// my leg, is that my sciatic nerve" reaches the sciatica intent with "a
// cramp" as the cause and "sciatic nerve" as a sign. The cause is what
// was ruled out, the "not" a device dropped (set sB); the intent and the
// sign agree on what is asked about.
func contrasted(in *alexa.Intent, cause string) (alexa.Slot, string) {
	own, ok := intentTopics[in.Name]
	if !ok || !conditions[cause] || conditionTopics[cause] == own {
		return alexa.Slot{}, ""
	}
	s, id := signTopic(in)
	if id == cause || id == "cramp" || !conditions[id] || conditionTopics[id] != own {
		// A cramp kept beside a condition is what it does ("can poor
		// circulation make your legs cramp"), not what is asked.
		return alexa.Slot{}, ""
	}
	return s, id
}

// conditionNamed returns a condition a device kept in a warning-sign slot
// beside a cause of another kind, when the question asks what it is
// rather than why: "the only thing that helps is getting up and walking
// round, must be restless legs" keeps "walking round" as the cause (the
// longest value) and "restless legs" as a sign, and asks about restless
// legs. Over the causes sets, such questions asked about the condition
// 191 times in 195; the others asked about a doctor. A medicine, a drink
// or a doctor kept as the cause is what is asked about ("could the
// antihistamine be setting off restless legs"), and so is a cause the
// question asks why of ("I walked miles, is that why my restless legs
// are bad").
func conditionNamed(in *alexa.Intent, cause string) (alexa.Slot, string) {
	if ask := tokens(in.Slots[slotAsk].Value); !conditions[cause] && slices.ContainsFunc(supposed, func(p []string) bool { return slices.Equal(ask, p) }) {
		// "If it's bursitis, ice or heat": the asking words suppose
		// the condition, whatever else was kept as the cause (set sB).
		if s, id := signTopic(in); conditions[id] && id != "cramp" {
			return s, id
		}
	}
	if conditions[cause] || medicines[cause] || doctorTopics[cause] || drinks[cause] || plainBed(cause, in.Slots[slotCause].Value) {
		// A bed only named is where it happens, answered as before.
		return alexa.Slot{}, ""
	}
	if slices.ContainsFunc(tokens(in.Slots[slotAsk].Value), func(w string) bool { return slices.Contains(talk.Words.Reasons, w) || w == "because" || w == "cos" }) {
		return alexa.Slot{}, ""
	}
	s, id := signTopic(in)
	if id == "" && (cause == "routine" || cause == "overuse") {
		// The feeling a condition is, kept beside where it comes ("my
		// legs go fizzy when I sit watching telly, what's that"): the
		// feeling is asked about, the sitting is when.
		said := keptSigns(in)
		if c, ok := feltConditions[symptom.ReadKept(said).Topic]; ok {
			return topicSlot(strings.Join(said, " "), c), c
		}
	}
	if !conditions[id] || id == "cramp" || worriedNerves(id, cause == "stress") {
		return alexa.Slot{}, ""
	}
	return s, id
}

// worriedNerves reports whether the topic id, named beside stress, is
// the worry itself: "could it be me nerves, I've been worrying a lot" and
// "if it's my nerves being frazzled from worry" ask about stress, not
// nerve damage (set sA). Both paths decide it here.
func worriedNerves(id string, stressNamed bool) bool {
	return id == "nerves" && stressNamed
}

// signTopic returns a TalkTopic named in an intent's warning-sign slots,
// other than a cause ruled out: "forget restless legs, she doesn't feel
// any urge to move, could her exams be making her tense" keeps "urge to
// move" as a sign, and restless legs was ruled out (set sX).
func signTopic(in *alexa.Intent) (alexa.Slot, string) { return signTopicOver(in, nil) }

// signTopicOver is signTopic, passing over the topics in setting kept
// before another cause that is neither a setting nor serious: "my knees
// are shot from thirty years of hockey, is it arthritis that's making
// them ache" keeps hockey and arthritis as signs, and asks about
// arthritis (set sAU; talk.yaml's settings). A serious condition is not
// put before a setting kept ahead of it ("I had a clot years ago, ...
// could my legs be aching just from the gardening" asks about the
// gardening), nor passed over for another cause: which it is, is read as
// before (review).
func signTopicOver(in *alexa.Intent, setting map[string]bool) (alexa.Slot, string) {
	_, ruled := in.Slots[slotRuledOut].Resolved()
	names := make([]string, 0, len(in.Slots))
	for name := range in.Slots {
		if name != slotMoreCause {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	// A second cause a device kept is looked at last: it took words a
	// sign slot would have kept ("hip bursitis" beside "on that side"),
	// but a condition kept as a sign is the likelier question.
	names = append(names, slotMoreCause)
	var first, setAside alexa.Slot
	firstID, setAsideID := "", ""
	for _, name := range names {
		v := in.Slots[name].Value
		// Someone else's complaint may name a condition too ("my mum
		// says it's growing pains, is that even a real thing").
		if !triage.SignSlot(name) && name != slotComplaint && name != slotMoreCause || v == "" {
			continue
		}
		// The word may sit inside a longer value ("what's oedema").
		id := topicIn(tokens(v))
		if id == "" || id == ruled {
			continue
		}
		// "Is the heat making my legs cramp": the cramp kept beside a
		// cause is the complaint, and a bed only named is where it
		// comes (set rW); either is asked about only alone.
		if id != "cramp" && !plainBed(id, v) {
			if setting[id] {
				if setAsideID == "" {
					setAside, setAsideID = topicSlot(v, id), id
				}
				continue
			}
			if serious[id] && setAsideID != "" {
				return setAside, setAsideID
			}
			return topicSlot(v, id), id
		}
		if firstID == "" {
			first, firstID = topicSlot(v, id), id
		}
	}
	if setAsideID != "" {
		return setAside, setAsideID
	}
	return first, firstID
}

// topicSlot is a topic slot resolved to a TalkTopic ID, as a device's
// entity resolution would report it.
func topicSlot(value, id string) alexa.Slot {
	return alexa.Slot{
		Name:               slotTopic,
		Value:              value,
		ConfirmationStatus: alexa.ConfirmationNone,
		Resolutions: &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{{
			Status: alexa.ResolutionStatus{Code: alexa.ResolutionMatch},
			Values: []alexa.ResolutionValue{{Value: alexa.ResolvedValue{Name: value, ID: id}}},
		}}},
	}
}

// askCause turns a turn whose intent stands for a cause question into
// AskAboutIntent, before triage reads it.
func askCause(t *router.Turn) {
	if t.Request == nil || t.Request.Request.Intent == nil || t.Intent == IntentAskAbout {
		return
	}
	in := causeAsked(t.Request.Request.Intent)
	if in == nil {
		in = causeAgreed(t)
	}
	if in == nil {
		in = nightAskedKept(t.Request.Request.Intent)
	}
	if in == nil {
		in = toldAsked(t)
	}
	if in == nil {
		return
	}
	env := *t.Request
	env.Request.Intent = in
	t.Request, t.Intent = &env, in.Name
}

// nightAskedKept returns WhyNightIntent, with the words kept for triage,
// when a device kept only words that ask why ("how come", "is there a
// reason", "why my hips") beside a complaint and no cause at all: "how
// come my hips don't bother me all day and then the minute I lie down
// they start" asks why the night, the words that say so dropped. Not
// with a warning sign for care today or an emergency kept, not from a
// red-flag intent, and not from one that holds the conversation over.
// It returns nil otherwise.
func nightAskedKept(in *alexa.Intent) *alexa.Intent {
	if in == nil || in.Name == IntentWhyNight || heldOver(in.Name) || slices.Contains(triage.RedFlagIntents(), in.Name) {
		// A red-flag intent with its sign's words dropped asks the
		// safety check (TestAskedRedFlag).
		return nil
	}
	if _, ok := in.Slots[slotCause]; !ok {
		return nil
	}
	if _, id := in.Slots[slotAsk].Resolved(); id != askWhy {
		return nil
	}
	if _, id := causeOf(in); id != "" || in.Slots[slotRuledOut].Value != "" || in.Slots[slotMoreCause].Value != "" {
		return nil
	}
	if urgentKept(in) {
		return nil
	}
	out := &alexa.Intent{Name: IntentWhyNight, ConfirmationStatus: in.ConfirmationStatus, Slots: maps.Clone(in.Slots)}
	delete(out.Slots, slotAsk)
	return out
}

// toldAsked is a question about the cause told earlier tonight, when the
// only asking words kept point back at it ("would that be why", beside
// "achy hips", after "my husband likes a really firm bed"; set sAG):
// the ache is what that cause would explain, not a new complaint. Asking
// words with no pointer kept ("to blame", "have anything to do with":
// set sAH) point back only with nothing felt kept beside them and no
// safety question waiting, since they may as well ask of a new pain
// ("legs killing me, is the smoking to blame"). A sign for care today or
// an emergency kept beside them keeps the intent, and a yes or a no at a
// safety question answers it.
func toldAsked(t *router.Turn) *alexa.Intent {
	in := t.Request.Request.Intent
	told := t.State.Answer(answerTold)
	ask := in.Slots[slotAsk].Value
	if told == "" || ask == "" || heldOver(in.Name) || slices.Contains(triage.RedFlagIntents(), in.Name) {
		// A red-flag intent with its sign's words dropped asks the
		// safety check (TestAskedRedFlag), whatever was told before.
		return nil
	}
	checking := strings.HasPrefix(t.State.Pending, dialog.TriagePrefix)
	if !whyOfTold(ask) && (!unnamedCause(tokens(ask)) || checking || feltKept(in)) {
		return nil
	}
	if name := alexa.Builtin(in.Name); (name == IntentYes || name == IntentNo || name == IntentUnknown) && checking {
		// "Is that likely", sent to yes, may have been "yes, is that
		// likely to be it".
		return nil
	}
	if _, id := causeOf(in); id != "" || in.Slots[slotRuledOut].Value != "" || urgentKept(in) {
		return nil
	}
	// The signs kept stay for triage to read: a sign for a doctor within
	// days still adds its line.
	out := &alexa.Intent{Name: IntentAskAbout, ConfirmationStatus: in.ConfirmationStatus, Slots: maps.Clone(in.Slots)}
	delete(out.Slots, slotAsk)
	out.Slots[slotTopic] = topicSlot(told, told)
	return out
}

// feltKept reports whether the words a device kept in the warning-sign
// slots tell of a part or a feeling.
func feltKept(in *alexa.Intent) bool {
	rd := symptom.ReadKept(keptSigns(in))
	return len(rd.Parts)+len(rd.Sensations)+len(rd.Facts) > 0 || rd.Topic != ""
}

// urgentKept reports whether the words a device kept in any slot but the
// asking words, read together, are a warning sign for care today or an
// emergency: then the intent stands for the sign, whatever was asked.
func urgentKept(in *alexa.Intent) bool {
	var said []string
	for name, s := range in.Slots {
		if name != slotAsk && s.Value != "" {
			said = append(said, s.Value)
		}
	}
	sort.Strings(said)
	return triage.Evaluate(symptom.ReadKept(said).Facts).Level.AtLeast(triage.Urgent)
}

// causeAgreed returns the question a yes, a no or a "not sure" stands for
// when it keeps a cause and nothing was asked or said before it ("it's
// the stress then, yeah"; set rZ; "we're going through a divorce, would
// stress do this", sent to the not-sure intent with "divorce" kept, set
// sU): with no question of the skill's to answer, the listener puts a
// cause of their own, and asks about it. It returns nil otherwise.
func causeAgreed(t *router.Turn) *alexa.Intent {
	in := t.Request.Request.Intent
	if name := alexa.Builtin(in.Name); name != IntentYes && name != IntentNo && name != IntentUnknown || in.Slots[slotAsk].Value != "" {
		return nil
	}
	// The cause may sit in a sign slot ("I doubt it's the bed, but can
	// a mattress sag that fast": the mattress, set rY); a condition felt
	// there is a complaint ("yeah, cramp").
	if _, id := causeOf(in); id == "" || conditions[id] && in.Slots[slotCause].Value == "" {
		return nil
	}
	if t.Resumed != nil || t.State.Pending != "" || t.State.Answer(answerLast) != "" || t.State.Routine != nil {
		return nil
	}
	asked := *in
	asked.Slots = maps.Clone(in.Slots)
	asked.Slots[slotAsk] = alexa.Slot{Name: slotAsk, Value: "is it"}
	return causeAsked(&asked)
}

// claimedCause returns the AskAboutIntent that "so it's the job?" stands
// for when a device sent it to the part-switching intent ("it's my
// {bodyPart}") with only the cause kept: no part was named to switch to,
// and the cause is what was put (set sAO). It returns nil otherwise.
func claimedCause(in *alexa.Intent) *alexa.Intent {
	if in == nil || in.Slots[slotCause].Value == "" || in.Slots[slotPart].Value != "" || len(keptSigns(in)) > 0 {
		return nil
	}
	topic, id := causeOf(in)
	if id == "" || neverInstead[id] || serious[id] {
		return nil
	}
	return &alexa.Intent{Name: IntentAskAbout, ConfirmationStatus: in.ConfirmationStatus, Slots: map[string]alexa.Slot{slotTopic: topic}}
}

// switchAsked returns the question a device sent to the part-switching
// intent with nothing kept but asking words, or a cause ruled out: "so is
// it my job then" after a day on one's feet was told ("job" dropped), "is
// it connected" after a period due was told, "so it's not my age then"
// after "I'm eighty-one" (set sAS). No part or side was named to switch
// to, nor a feeling: what was told, or what is ruled out and asked back,
// is asked about. It returns nil otherwise.
func switchAsked(t *router.Turn) *alexa.Intent {
	in := t.Request.Request.Intent
	if in == nil || in.Slots[slotPart].Value != "" || in.Slots[slotCause].Value != "" || in.Slots[slotMoreCause].Value != "" || len(keptSigns(in)) > 0 {
		return nil
	}
	id := ""
	if s := in.Slots[slotRuledOut]; s.Value != "" {
		if _, ruled := s.Resolved(); talk.Topics[ruled].Text != "" {
			id = ruled
		}
	} else if in.Slots[slotAsk].Value != "" && !strings.HasPrefix(t.State.Pending, dialog.TriagePrefix) {
		// Not at a safety question, where the word dropped may be a
		// new worry ("is it my heart"), and the question would wait
		// behind "Shall we carry on" (review).
		id = t.State.Answer(answerTold)
	}
	if id == "" || neverInstead[id] || serious[id] {
		return nil
	}
	return &alexa.Intent{Name: IntentAskAbout, ConfirmationStatus: in.ConfirmationStatus, Slots: map[string]alexa.Slot{slotTopic: topicSlot(id, id)}}
}

// keptComplaint turns a greeting a device sent a complaint to ("um hi, I
// was wondering if you could help, my hip's really achy": GreetIntent,
// or ThanksIntent with the asking words kept) into the complaint it is:
// the catch-all, with the words kept in the sign slots as its text, as
// the console's reading of the whole sentence does (plainIntents). Thanks
// without asking words stays thanks: "thanks, my calf's better".
func keptComplaint(t *router.Turn) {
	if t.Request == nil || t.Request.Request.Intent == nil {
		return
	}
	in := t.Request.Request.Intent
	// A device sends polite complaints to memory and to questions too
	// ("I don't want to make a fuss but my thighs are aching":
	// StopRememberingIntent; "would you be so kind as to suggest
	// something for an achy knee": AskAboutIntent with no topic, set qq):
	// there a part and a feeling must both be kept, so "stop saving my
	// cramp nights" stays a memory request. So too a polite complaint
	// sent to who the skill is ("sorry to bother you, an ache in my
	// calves": WhoAreYouIntent, set qu) or to goodnight ("I am not able
	// to sleep, legs are paining": GoodnightIntent, which had ended the
	// session), or to keeping nights ("excuse me, my toes keep curling
	// up and it's quite sore": RememberNightsIntent, which had turned
	// memory on, set re).
	strict := in.Name == IntentStopRemembering || in.Name == IntentWhoAreYou || t.Intent == IntentStop || in.Name == IntentRememberNights ||
		in.Name == IntentAskAbout && in.Slots[slotTopic].Value == ""
	if in.Name != IntentGreet && (in.Name != IntentThanks || in.Slots[slotAsk].Value == "") && !strict {
		return
	}
	said := keptSigns(in)
	rd := symptom.ReadKept(said)
	if (rd.Topic == "" || strict) && (len(rd.Parts) == 0 || len(rd.Sensations) == 0) {
		return
	}
	// The slots keep no word order, so joined they are no sentence: a
	// denial or a sign for a doctor stays in the slots, where triage
	// reads them right ("no breathing problem", "both", "feet",
	// "swollen", "one week", "not reducing": set qj).
	if len(rd.Negated) > 0 || triage.Evaluate(rd.Facts).Level.AtLeast(triage.Soon) {
		return
	}
	text := strings.Join(said, " ")
	env := *t.Request
	env.Request.Intent = &alexa.Intent{Name: IntentDescribe, Slots: map[string]alexa.Slot{alexa.SlotText: {Name: alexa.SlotText, Value: text}}}
	t.Request, t.Intent, t.Text = &env, IntentDescribe, text
}

// idleControl turns a routine's control, heard when no routine is under
// way, into the catch-all with the words a device kept in its
// warning-sign slots, when they name a cause and nothing felt: "is the
// mattress too firm" (RoutineFasterIntent with "mattress" kept) and "the
// long walk today?" (with "long walk" and "today", set sS) had nothing to
// steer, and were no question answered.
func idleControl(t *router.Turn) {
	if t.Request == nil || t.Request.Request.Intent == nil || t.State.Routine != nil {
		return
	}
	in := t.Request.Request.Intent
	if !slices.Contains(idleControls, in.Name) {
		return
	}
	said := keptSigns(in)
	text := strings.Join(said, " ")
	ws := tokens(text)
	if len(said) == 0 || topicIn(ws) == "" || slices.ContainsFunc(ws, feltWord) {
		return
	}
	if rd := symptom.ReadKept(said); rd.Topic != "" || len(rd.Parts)+len(rd.Facts)+len(rd.Negated) > 0 {
		return
	}
	if t.NewSession && t.Remember != nil {
		// A routine an earlier session left may be waiting: the control
		// steers it (currentRoutine adopts it).
		t.Remember()
	}
	if t.Resumed != nil && t.Resumed.Routine != nil {
		return
	}
	env := *t.Request
	env.Request.Intent = &alexa.Intent{Name: IntentDescribe, Slots: map[string]alexa.Slot{alexa.SlotText: {Name: alexa.SlotText, Value: text}}}
	t.Request, t.Intent, t.Text = &env, IntentDescribe, text
}

// idleControls are the routine's controls that mean nothing with no
// routine under way; a pause, a repeat, a stop or a yes still do.
var idleControls = []string{IntentNext, IntentPrevious, IntentStartOver, IntentSlower, IntentFaster, IntentWhichStep}

// stretchHurt turns an intent a device sent pain said during a stretch
// to ("I can't do this one, it kills": WhyNightIntent with "kills" kept;
// "ooh that's sharp in my hip": HipPainIntent) into the catch-all with
// the kept words, so the stretch eases off and asks its one safety
// question (talkDescribe), as the console's reading of the whole
// sentence does. Red-flag intents keep their own answer, and so do the
// routine's controls ("stop", "slower").
func stretchHurt(t *router.Turn) {
	if t.Request == nil || t.Request.Request.Intent == nil || t.State.Routine == nil || t.State.Pending == questionStretch {
		return
	}
	in := t.Request.Request.Intent
	if in.Name == IntentDescribe || slices.Contains(routineControls, in.Name) || slices.Contains(triage.RedFlagIntents(), in.Name) {
		return
	}
	said := keptSigns(in)
	text := strings.Join(said, " ")
	if len(said) == 0 || !hurtsNow(text) || soundsSerious(symptom.ReadKept(said)) {
		return
	}
	env := *t.Request
	env.Request.Intent = &alexa.Intent{Name: IntentDescribe, Slots: map[string]alexa.Slot{alexa.SlotText: {Name: alexa.SlotText, Value: text}}}
	t.Request, t.Intent, t.Text = &env, IntentDescribe, text
}

// routineControls are the intents that steer a routine under way.
var routineControls = []string{IntentNext, IntentPrevious, IntentRepeat, IntentPause, IntentResume, IntentStartOver, IntentSlower,
	IntentFaster, IntentWhichStep, IntentStop, IntentCancel, IntentYes, IntentNo, IntentHelp}

// asksIn reports whether a slot value holds asking words itself: a
// TalkTopic phrase may ("is it my joints").
func asksIn(value string) bool {
	ws := tokens(value)
	for i := range ws {
		for j := i + 1; j <= len(ws); j++ {
			if askWords[strings.Join(ws[i:j], " ")] != "" {
				return true
			}
		}
	}
	return false
}

// keptSigns returns the words a device kept in an intent's warning-sign
// slots, sorted: the slots keep no word order.
func keptSigns(in *alexa.Intent) []string {
	var said []string
	for name, s := range in.Slots {
		if triage.SignSlot(name) && s.Value != "" {
			said = append(said, s.Value)
		}
	}
	sort.Strings(said)
	return said
}

// keptReading reads the words a device kept in a turn's warning-sign
// slots.
func keptReading(t *router.Turn) symptom.Reading {
	if t.Request == nil || t.Request.Request.Intent == nil {
		return symptom.Reading{}
	}
	return symptom.ReadKept(keptSigns(t.Request.Request.Intent))
}
