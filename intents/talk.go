package intents

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Talk: what people say around the main conversations (issues 11 and 16).
// Questions about medicines, conditions and causes are one intent with a
// topic slot, answered from content data; small talk, corrections and
// controls are a few intents each. Free speech that no sample fitted is
// read for the same concepts (talk.yaml) before it is taken for a
// complaint, so a question is answered as a question on a device whose
// NLU sent the catch-all, and on the console. Warning signs always come
// first: triage's guard has read every turn before any of this runs, and
// words that sound like one are left to the symptom conversations.
const (
	IntentAskAbout        = "AskAboutIntent"
	IntentGreet           = "GreetIntent"
	IntentThanks          = "ThanksIntent"
	IntentCantSleep       = "CantSleepIntent"
	IntentWorried         = "WorriedIntent"
	IntentWhoAreYou       = "WhoAreYouIntent"
	IntentTriedThat       = "TriedThatIntent"
	IntentRephrase        = "RephraseIntent"
	IntentSwitchPart      = "SwitchPartIntent"
	IntentStretches       = "StretchesIntent"
	IntentMemoryCount     = "MemoryCountIntent"
	IntentStopRemembering = "StopRememberingIntent"

	slotTopic = "topic"
	slotPart  = "bodyPart"
	slotJoint = "joint" // JointPainIntent's part
	// topicType is the slot type of AskAboutIntent's topic.
	topicType = "TalkTopic"
	// ruledOutType is the slot type of a cause ruled out (slotRuledOut).
	ruledOutType = "RuledOut"

	// What talk keeps in Context.Answers: the last answer said (the
	// content lines it was said from, never its words: last.go) and the
	// intent that gave it, for "say that again" and "what?"; and whether
	// a fallback has said the emergency line.
	answerLast       = "talk.last"
	answerLastIntent = "talk.lastintent"
	answerSOS        = "talk.sos"
	// answerTold is the topic ID of the cause the listener last told
	// tonight, whatever answered it ("we've had this mattress fifteen
	// years", said at the safety check): "could that be it?" after it
	// asks about that cause, not the common causes.
	answerTold = "talk.told"
	// answerReasked is the safety question last asked again because the
	// listener said something else instead of answering it.
	answerReasked = "talk.reasked"

	// questionRest asks whether to say the rest of an answer cut to fit
	// 40 words; answerRest keeps the rest's content lines (refs, as
	// last.go keeps them, never the words) and answerRestWas the question
	// that was waiting before it.
	questionRest  = "talk.rest"
	answerRest    = "talk.rest.at"
	answerRestWas = "talk.rest.was"
	// answerCare keeps the level of care called for in a conversation
	// resumed tonight, once said again, for the rest of this one
	// (careLevel).
	answerCare = "talk.care"
	// answerCareSaid notes that care called for earlier was said before
	// a new complaint's safety question in this session (careFirst).
	answerCareSaid = "talk.care.said"
	// answerCareMeanwhile and answerCareWorse keep the content texts of
	// what to do until seen and what would make it an emergency, for the
	// care called for earlier (careMeanwhile).
	answerCareMeanwhile = "talk.care.meanwhile"
	answerCareWorse     = "talk.care.worse"
	// answerCareAt is when the care kept in answerCare was first called
	// for (careLevel).
	answerCareAt = "talk.care.at"
	// answerCareFor is whom the care called for was for (a context's
	// subject, "self" for the listener; careFirst).
	answerCareFor = "talk.care.for"
	// answerToldList keeps the causes told tonight, in the order first
	// said, for a later pick by order ("is it the first thing then";
	// ordinalPick).
	answerToldList = "talk.told.list"
	// triageTold is where triage notes the level it has told the
	// listener (internal/triage, toldKey): a soon level not yet told has
	// its words added to this turn's reply.
	triageTold = "triage.told"

	questionCheck   = "talk.offer.check"
	questionStretch = "talk.stretch.pain"
	// questionStepPain is the same question when a step said outside a
	// routine (a cramp's stretch, a hip's turn) hurts: nothing to resume.
	questionStepPain   = "talk.step.pain"
	stepEase           = "talk.step.ease"
	questionSwitchBack = "talk.switch.back"
	offerCheck         = "check"
)

// talkData is talk.yaml. The variable talk holding it is generated into
// data_gen.go (regen.go reads the YAML while it is regenerated), so no
// YAML is parsed at start-up.
type talkData struct {
	Topics map[string]struct {
		Text  string `yaml:"text"`
		Offer string `yaml:"offer"`
	} `yaml:"topics"`
	// Kinds: what kind of thing a topic is, where that changes how a
	// question naming it is read.
	Kinds topicKinds               `yaml:"kinds"`
	Tried map[session.Topic]string `yaml:"tried"`
	// RuledOutHeard: a cause ruled out as a device hears it, the
	// RuledOut slot type's words (TestRuledOutTypeUpToDate).
	RuledOutHeard ruledOutHeard `yaml:"ruled_out_heard"`
	// NightOffer: the offer after the general answer to why it is worse
	// at night, as a topic's Offer.
	NightOffer string `yaml:"night_offer"`
	// CheckAfter: triage facts after which a cause's answer offers the
	// warning-sign check instead of its routine.
	CheckAfter []string `yaml:"check_after"`
	// UnnamedCause: cues that ask whether something said is the cause,
	// read when no topic is named ("is that why").
	UnnamedCause []string `yaml:"unnamed_cause"`
	// Figures: sayings whose words would name a topic they do not mean
	// ("giving me grief" is no bereavement).
	Figures  []string      `yaml:"figures"`
	Concepts []talkConcept `yaml:"concepts"`
	Words    talkWords     `yaml:"words"`
}

// talkConcept is what talk means when its cues fit the words.
type talkConcept struct {
	Intent string   `yaml:"intent"`
	Cues   []string `yaml:"cues"`
	// Routine: the cues are read only while a stretch routine is
	// under way ("okay next", "I'm at the wall now").
	Routine bool `yaml:"routine"`
	// Complaint: the cues hold even when the words name a part or
	// a symptom ("ta, the cramp's gone now"; "I'm scared it's a
	// clot"). Warning signs still come first (talkDescribe).
	Complaint bool `yaml:"complaint"`
	// NoSign: the cues are read only when no sign is told, so a
	// sign for a doctor within days keeps its conversation's own
	// safety question ("would lying flat for hours make my legs go
	// numb").
	NoSign bool `yaml:"nosign"`
	// Alone: the cues are read only when no part or symptom is told,
	// so a pain told beside them keeps its safety question ("my legs
	// are throbbing, everything feels worse at night").
	Alone bool `yaml:"alone"`
}

// fits reports whether one of the concept's cues fits the words.
func (c talkConcept) fits(ws []string) bool {
	return anyCueFits(c.Cues, ws)
}

// ruledOutHeard is talk.yaml's ruled_out_heard: the words that rule a
// cause out (before it, with a determiner or none, or after it) and each
// topic's heads, the names a listener rules it out by.
type ruledOutHeard struct {
	Before      []string            `yaml:"before"`
	Determiners []string            `yaml:"determiners"`
	After       []string            `yaml:"after"`
	Heads       map[string][]string `yaml:"heads"`
}

// phrases returns the RuledOut slot type's phrases for one topic: each
// head after each frame before (with no determiner and with each one,
// unless the frame ends in one) and before each frame after.
func (r ruledOutHeard) phrases(topic string) []string {
	var out []string
	for _, h := range r.Heads[topic] {
		for _, b := range r.Before {
			out = append(out, b+" "+h)
			last := b[strings.LastIndexByte(b, ' ')+1:]
			if slices.Contains(r.Determiners, last) {
				continue
			}
			for _, d := range r.Determiners {
				out = append(out, b+" "+d+" "+h)
			}
		}
		for _, a := range r.After {
			out = append(out, h+" "+a)
		}
	}
	return out
}

// topicKinds are talk.yaml's kinds: topic IDs by what they are.
type topicKinds struct {
	Medicines    []string `yaml:"medicines"`
	Conditions   []string `yaml:"conditions"`
	Drinks       []string `yaml:"drinks"`
	Doctor       []string `yaml:"doctor"`
	CrampCauses  []string `yaml:"cramp_causes"`
	NeverInstead []string `yaml:"never_instead"`
	// Background: causes that, told of oneself before any question, are
	// who someone is or what their days have been (toldAt).
	Background []string `yaml:"background"`
	// Days: what fills the day, set against the night on a device
	// (dayOnly).
	Days []string `yaml:"days"`
	// Harmed: what another cause may harm ("can booze damage the
	// nerves"): harmedAsked.
	Harmed []string `yaml:"harmed"`
	// States: causes that are a state, not something one does; kept
	// with a pause or a question about what is remembered, they are
	// asked about (causeAsked).
	States []string `yaml:"states"`
	// Settings: causes that, kept by a device beside another cause, are
	// where the question is set, not what it asks (otherCause).
	Settings []string `yaml:"settings"`
	// Serious: conditions a warning sign may mean; a device's second
	// cause slot never makes one the question (otherCause).
	Serious []string `yaml:"serious"`
}

// talkWords are the words that tell how a turn is put: whether it asks,
// what it asks about, and what it tells (talk.yaml's words, where each
// list says what it is for).
type talkWords struct {
	DoctorDoes []string `yaml:"doctor_does"`
	Guessed    []string `yaml:"guessed"`
	CauseAsk   []string `yaml:"cause_ask"`
	// Determiners: between a question's opening and the cause it names
	// ("could it be these flat pumps").
	Determiners []string `yaml:"determiners"`
	// Inherited: causes that may run in a family.
	Inherited []string `yaml:"inherited"`
	// TellApart: asking how to tell one feeling from another.
	TellApart []string `yaml:"tell_apart"`
	// BlamedAfter: said straight after a cause, a question cut short
	// ("stress doing this").
	BlamedAfter []string `yaml:"blamed_after"`
	PlainBed    []string `yaml:"plain_bed"`
	BedPlaces   []string `yaml:"bed_places"`
	BedOwners   []string `yaml:"bed_owners"`
	// Owners: possessives a topic phrase's "my" stands for.
	Owners       []string `yaml:"owners"`
	PointedLeads []string `yaml:"pointed_leads"`
	NamingAsks   []string `yaml:"naming_asks"`
	// RuledOutBefore and RuledOutAfter: words that rule a cause out,
	// said just before it or a few words after it.
	RuledOutBefore []string `yaml:"ruled_out_before"`
	RuledOutAfter  []string `yaml:"ruled_out_after"`
	// Supposed: words that suppose a cause before asking about it ("if
	// it's bursitis, ice or heat").
	Supposed []string `yaml:"supposed"`
	// Sayings: words that put someone's claim to the skill ("always
	// said", "is there anything in that").
	Sayings []string `yaml:"sayings"`
	// Supposing: words that open a supposition as "if" does ("say I
	// took a rest day tomorrow, would ...", betterIf).
	Supposing []string `yaml:"supposing"`
	// Confirms: words that put a claim for confirming (confirmPut).
	Confirms []string `yaml:"confirms"`
	// PainFelt: the symptom reader's sensations that are a pain felt
	// (ownPain).
	PainFelt []string `yaml:"pain_felt"`
	// OwnParts: more words than partWords that, after "my", tell a part
	// of the listener's own (ownPartTold).
	OwnParts []string `yaml:"own_parts"`
	// WhetherLeads: words after which "if" is "whether", not a
	// supposition.
	WhetherLeads []string `yaml:"whether_leads"`
	// MeaningLeads: words that ask what something means ("does that
	// mean it's"); the topic right after them is asked about.
	MeaningLeads []string `yaml:"meaning_leads"`
	// MineAsked ask, after a condition someone else has, whether the
	// listener's own is the same (theirsAsked).
	MineAsked []string `yaml:"mine_asked"`
	// WorryAbout ask whether a cause named is worth worrying about.
	WorryAbout []string `yaml:"worry_about"`
	// DoctorAsks: what is asked of a doctor named, when no topic is.
	DoctorAsks []string `yaml:"doctor_asks"`
	Doctors    []string `yaml:"doctors"`
	// DoctorTellAsks ask what to tell a doctor or what they ask, read
	// only with no part of one's own told (doctorAsked).
	DoctorTellAsks []string `yaml:"doctor_tell_asks"`
	Report         []string `yaml:"report"`
	Naming         []string `yaml:"naming"`
	Turns          []string `yaml:"turns"`
	Daytime        []string `yaml:"daytime"`
	Nighttime      []string `yaml:"nighttime"`
	WhatEndings    []string `yaml:"what_endings"`
	FirstAsks      []string `yaml:"first_asks"`
	// People are words for people in general ("do anxious people get").
	People []string `yaml:"people"`
	// PeopleNouns end a cause's words that name people by it ("side
	// sleepers", "office workers").
	PeopleNouns []string `yaml:"people_nouns"`
	// ConditionNames name a felt condition itself, not what it feels
	// like ("restless legs", "rls"): asked why at night, the condition
	// named asks why the night.
	ConditionNames []string `yaml:"condition_names"`
	// BareExtras qualify a cause said alone as a question ("sluggish
	// blood flow?", "blood flow problem?") without telling a feeling.
	BareExtras []string `yaml:"bare_extras"`
	// BareTimes say when, after a cause said alone ("lifting boxes all
	// day"): still nothing felt, so still a question.
	BareTimes []string `yaml:"bare_times"`
	// PartStates are the verbs that tell a part's state ("my calf is so
	// tense"): between a part and a topic's words, they ask nothing.
	PartStates []string `yaml:"part_states"`
	// Inverted are the helping verbs that ask when one of Persons follows
	// them ("have I overdone it") and none of Subjects comes before;
	// TagsAnywhere are question tags said anywhere ("isn't it").
	Inverted     []string `yaml:"inverted"`
	Persons      []string `yaml:"persons"`
	Subjects     []string `yaml:"subjects"`
	TagsAnywhere []string `yaml:"tags_anywhere"`
	// Pains are the symptom reader's feelings that tell a pain.
	Pains []string `yaml:"pains"`
	// Sports are the games and disciplines among overuse's words: named
	// beside another cause, they are what was done, not what is asked.
	Sports    []string `yaml:"sports"`
	NeedAsks  []string `yaml:"need_asks"`
	FirstGlue []string `yaml:"first_glue"`
	// Clinics are the words that make a cause's word before them a
	// clinic or a specialist.
	Clinics []string `yaml:"clinics"`
	// Worn is wear said of a thing; WornBetween the words that may
	// stand between the thing and its wear.
	Worn        []string `yaml:"worn"`
	WornBetween []string `yaml:"worn_between"`
	// Enough says a cause is had enough of; ShortOf that it falls short.
	Enough  []string `yaml:"enough"`
	ShortOf []string `yaml:"short_of"`
	// ClosedOff are words that close off the causes said before them.
	ClosedOff []string `yaml:"closed_off"`
	// ClosedNext are words that close off the cause named straight after
	// them ("and neither does a hot water bottle").
	ClosedNext []string `yaml:"closed_next"`
	// Weighing words weigh a cause between a question's opening and
	// the cause it names.
	Weighing   []string `yaml:"weighing"`
	CauseVerbs []string `yaml:"cause_verbs"`
	AskOpeners []string `yaml:"ask_openers"`
	SkillNight []string `yaml:"skill_night"`
	Fillers    []string `yaml:"fillers"`
	Question   []string `yaml:"question"`
	Defining   []string `yaml:"defining"`
	// WhyOpeners: asking words that only open a why question (dayOnly).
	WhyOpeners   []string `yaml:"why_openers"`
	Asking       []string `yaml:"asking"`
	Since        []string `yaml:"since"`
	Hurt         []string `yaml:"hurt"`
	BroughtOn    []string `yaml:"brought_on"`
	ElderAges    []string `yaml:"elder_ages"`
	AgeLeads     []string `yaml:"age_leads"`
	AgeReasons   []string `yaml:"age_reasons"`
	HurtPhrases  []string `yaml:"hurt_phrases"`
	Pleased      []string `yaml:"pleased"`
	AskStarts    []string `yaml:"ask_starts"`
	PauseOpeners []string `yaml:"pause_openers"`
	PauseDoing   []string `yaml:"pause_doing"`
	LeadIn       []string `yaml:"lead_in"`
	CauseCues    []string `yaml:"cause_cues"`
	Tags         []string `yaml:"tags"`
	NotTagRight  []string `yaml:"not_tag_right"`
	Hedges       []string `yaml:"hedges"`
	IndirectAsks []string `yaml:"indirect_asks"`
	Pointers     []string `yaml:"pointers"`
	// PointingAsks open a question that points back besides FirstAsks
	// ("are they why"); PointedAs are what it asks the pointer to be
	// besides a cause verb (pointsBack).
	PointingAsks []string `yaml:"pointing_asks"`
	PointedAs    []string `yaml:"pointed_as"`
	// Tellers say who a background cause is told of ("I'm eighty", "we
	// drove"): toldAt.
	Tellers      []string `yaml:"tellers"`
	Intensifiers []string `yaml:"intensifiers"`
	// ThingIntensifiers only lend force between "a" and "thing" ("not a
	// flaming thing").
	ThingIntensifiers []string `yaml:"thing_intensifiers"`
	// Doubled are words said twice in a row for weight ("I walk very
	// very much"); the second says nothing more.
	Doubled []string `yaml:"doubled"`
	// Flares are words for a flare-up with no condition named: flareAfter.
	Flares []string `yaml:"flares"`
	// Triggers say a cramp comes whenever something is drunk ("every
	// time I have a few beers"): triggeredBy.
	Triggers []string `yaml:"triggers"`
	// Changes are words that tell of a change made ("swapped jobs"), so
	// "the change" after them points back at it.
	Changes []string `yaml:"changes"`
	// Harms are words that say one thing harms another: harmedAsked.
	Harms []string `yaml:"harms"`
	// Likeness words ask whether what was told is a thing named: "does
	// that sound like restless legs".
	Likeness []string `yaml:"likeness"`
	// QuestionAsked are words that ask for the question again, not the
	// answer ("what was the question?"): askQuestionAgain.
	QuestionAsked []string `yaml:"question_asked"`
	// Courtesies are sayings whose words mean something else ("no
	// worries" is no worry): readTalk drops them.
	Courtesies []string `yaml:"courtesies"`
	Easing     []string `yaml:"easing"`
	BeWhy      []string `yaml:"be_why"`
	// ToldHedges, ToldLikely and ToldAs read a question pointing back at
	// a cause told before (whyOfTold).
	ToldHedges []string `yaml:"told_hedges"`
	// ToldPointers name what the listener told as such: "the other
	// thing I said" (whyOfTold).
	ToldPointers []string `yaml:"told_pointers"`
	// WhatElse asks what is left once causes are ruled out; a cause
	// named after it is asked about (namedAfterElse).
	WhatElse []string `yaml:"what_else"`
	// Ordinals pick one of the causes told together by its order
	// (ordinalPick).
	Ordinals struct {
		First  []string `yaml:"first"`
		Second []string `yaml:"second"`
		Last   []string `yaml:"last"`
		// Which asks which of those told it is: answered when only
		// one is left.
		Which []string `yaml:"which"`
	} `yaml:"ordinals"`
	ToldLikely []string `yaml:"told_likely"`
	ToldAs     []string `yaml:"told_as"`
	// ThingAsks: whether the pointer is a known cause ("is that a
	// thing?"), only tags after.
	ThingAsks []string `yaml:"thing_asks"`
	// Claims and ClaimTags read the pointer claimed as the cause and
	// asked back ("it's probably just that, is it"; pointerClaimed).
	Claims        []string `yaml:"claims"`
	ClaimTags     []string `yaml:"claim_tags"`
	PointerClaims []string `yaml:"pointer_claims"`
	// ThanksJoins run thanks on into a question ("ok thanks, and could
	// it be the tennis"; thanksRunOn).
	ThanksJoins []string `yaml:"thanks_joins"`
	// WorkLeads make "work" a place, not a question ("at work";
	// workPlace).
	WorkLeads []string `yaml:"work_leads"`
	// Onsets blame a cause by when the pain began ("ever since I was
	// made redundant", "it started the week we got the new mattress").
	Onsets []string `yaml:"onsets"`
	// NotBefore and OnsetMarks blame a cause named after a time the pain
	// was not there ("it never used to hurt before we got this mattress";
	// onsetBlamed).
	NotBefore  []string `yaml:"not_before"`
	OnsetMarks []string `yaml:"onset_marks"`
	// Journeys after the time keep the safety question: a clot after
	// travel comes first (onsetBlamed).
	Journeys []string `yaml:"journeys"`
	// StopAsks ask how to stop what a cause does ("how do I stop my
	// stress doing this to my legs").
	StopAsks []string `yaml:"stop_asks"`
	// TellAsks ask how to tell whether it is a condition, with nothing
	// felt told ("how can you tell if it's varicose veins").
	TellAsks []string `yaml:"tell_asks"`
	// Improving are what a change supposed would do, asked ("if I
	// switched to decaf would my cramps ease off"; betterIf).
	Improving []string `yaml:"improving"`
	// ClaimLinks link a claim or a question to the pointer it blames
	// ("is it down to that"; linkedPointer).
	ClaimLinks []string `yaml:"claim_links"`
	// Alternatives join two causes offered as alternatives ("X or Y";
	// firstAlternative).
	Alternatives []string `yaml:"alternatives"`
	// Corrections take back what was said before them ("scratch that");
	// Withdrawn lead what is taken back at the next "but" ("I was going
	// to say the bed but"): correctedAt.
	Corrections []string `yaml:"corrections"`
	Withdrawn   []string `yaml:"withdrawn"`
	// StoryWords are the words a story told may hold besides its causes
	// (storyTold).
	StoryWords []string `yaml:"story_words"`
	// Heart are the words for the heart, which said at the first safety
	// question answer it as not sure (heartAtScreen).
	Heart []string `yaml:"heart"`
	// Fearing are the words that make the heart named a worry, and
	// HeartFine those that say it is fine.
	Fearing   []string `yaml:"fearing"`
	HeartFine []string `yaml:"heart_fine"`
	// Partly are what, said alone at a safety question, only says how
	// much ("sort of").
	Partly     []string `yaml:"partly"`
	IsMeans    []string `yaml:"is_means"`
	Stating    []string `yaml:"stating"`
	Having     []string `yaml:"having"`
	Describing []string `yaml:"describing"`
	HelpAsks   []string `yaml:"help_asks"`
	LastAsks   []string `yaml:"last_asks"`
	Reasons    []string `yaml:"reasons"`
	CauseLinks []string `yaml:"cause_links"`
	BedFaults  []string `yaml:"bed_faults"`
	// BedWheres start saying where a bed is, BedWhens when
	// (bedFaulted).
	BedWheres []string `yaml:"bed_wheres"`
	BedWhens  []string `yaml:"bed_whens"`
	// CurlWords and CurlParts: toes or feet said to curl, or a curling
	// beside a cramp, are the cramp, not a way of lying
	// (intents/askcause.go's curledToes).
	CurlWords []string `yaml:"curl_words"`
	CurlParts []string `yaml:"curl_parts"`
	// NightRemedies are pain relievers named generally: on the why-the-
	// night intent they are the body's own, or a dose wearing off
	// overnight (intents/askcause.go's causeAsked).
	NightRemedies []string `yaml:"night_remedies"`
	// RemedyTold, RemedyDoing (after RemedyDoingLeads) and RemedyDo
	// (after a person, not asked) tell a medicine or remedy someone
	// uses: takenAt.
	RemedyTold       []string `yaml:"remedy_told"`
	RemedyDoing      []string `yaml:"remedy_doing"`
	RemedyDoingLeads []string `yaml:"remedy_doing_leads"`
	RemedyDo         []string `yaml:"remedy_do"`
	Whereas          []string `yaml:"whereas"`
	AfterAsks        []string `yaml:"after_asks"`
	MakeVerbs        []string `yaml:"make_verbs"`
}

// Phrase lists of talk.yaml's words, as words, read once.
var (
	causeLinks   = phraseWords(talk.Words.CauseLinks)
	closedOff    = phraseWords(talk.Words.ClosedOff)
	closedNext   = phraseWords(talk.Words.ClosedNext)
	blamedWords  = phraseWords(talk.Words.BlamedAfter)
	turns        = phraseWords(talk.Words.Turns)
	indirectAsks = phraseWords(talk.Words.IndirectAsks)
	whatEndings  = phraseWords(talk.Words.WhatEndings)
	namingAsks   = phraseWords(talk.Words.NamingAsks)
	needAsks     = phraseWords(talk.Words.NeedAsks)
	havingWords  = phraseWords(talk.Words.Having)
	tagEndings   = phraseWords(talk.Words.Tags)
	intensifiers = phraseWords(talk.Words.Intensifiers)
	askOpeners   = phraseWords(talk.Words.AskOpeners)
	pauseOpeners = phraseWords(talk.Words.PauseOpeners)
	pauseDoing   = phraseWords(talk.Words.PauseDoing)
	ruledBefore  = phraseWords(talk.Words.RuledOutBefore)
	supposed     = phraseWords(talk.Words.Supposed)
	meaningLeads = phraseWords(talk.Words.MeaningLeads)
	ruledAfter   = phraseWords(talk.Words.RuledOutAfter)
	condNames    = phraseWords(talk.Words.ConditionNames)
)

func mustTalk(b []byte) *talkData {
	var d talkData
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		panic(fmt.Errorf("talk.yaml: %w", err)) // embedded; TestTalkData checks it
	}
	return &d
}

// plainIntents answer small talk only when the words carry no complaint:
// "hi, my feet are burning" is a complaint.
var plainIntents = map[string]bool{
	IntentGreet: true, IntentThanks: true, IntentStop: true, IntentCantSleep: true,
	IntentWorried: true, IntentPause: true, IntentWhoAreYou: true,
}

// phraseIDs maps a slot type's phrases, as words joined by spaces, to the
// IDs of the values they name.
type phraseIDs map[string]string

var tokenRE = regexp.MustCompile(`[a-z0-9]+(?:'[a-z0-9]+)*`)

// foldMarks turns curly apostrophes straight and drops the marks over
// letters ("ngā mihi", "café"), so the words match as typed plainly.
var foldMarks = strings.NewReplacer("\u2019", "'", "\u2018", "'",
	"ā", "a", "ē", "e", "ī", "i", "ō", "o", "ū", "u", "ò", "o",
	"á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "à", "a", "è", "e", "ñ", "n", "ü", "u", "ö", "o", "ä", "a", "ç", "c")

// tokens are the words of a text, lower case, apostrophes kept.
func tokens(text string) []string {
	t := foldMarks.Replace(strings.ToLower(text))
	t = symptom.DroppedG(t)
	if strings.Contains(t, "-") {
		t = unstammerRE.ReplaceAllStringFunc(t, stammered)
	}
	if strings.Contains(t, ", ") {
		t = restartRE.ReplaceAllStringFunc(t, restarted)
	}
	ws := tokenRE.FindAllString(t, -1)
	for i, w := range ws {
		w = unstretched(w)
		ws[i] = w
		if c, ok := bareContractions[w]; ok {
			ws[i] = c
		}
		if ws[i] == "why's" {
			// "Why's the ache worse once I lie down": why, whether
			// it stands for "why is" or "why does", reads as why.
			ws[i] = "why"
		}
	}
	// "3am" is said as "3 a.m." is written: the cues know "a m".
	for i := 0; i < len(ws); i++ {
		if n, ok := strings.CutSuffix(ws[i], "am"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			ws = slices.Replace(ws, i, i+1, n, "a", "m")
			i += 2
		}
	}
	ws = slices.CompactFunc(ws, func(a, b string) bool { return a == b && slices.Contains(talk.Words.Doubled, a) })
	// "Doesn't do a flamin' thing" says no more than "doesn't do a
	// thing".
	for i := 1; i+1 < len(ws); i++ {
		if ws[i-1] == "a" && ws[i+1] == "thing" && slices.Contains(talk.Words.ThingIntensifiers, ws[i]) {
			ws = slices.Delete(ws, i, i+1)
		}
	}
	return ws
}

// unstretched is a word drawn out in typing or a transcript ("hiii",
// "byeee", "sooo") said plainly: a letter three times or more is once.
func unstretched(w string) string {
	if !stretched(w) {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j] == w[i] {
			j++
		}
		if j-i >= 3 {
			b.WriteByte(w[i])
		} else {
			b.WriteString(w[i:j])
		}
		i = j
	}
	return b.String()
}

// stretched reports whether a letter comes three times in a row.
func stretched(w string) bool {
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] {
			return true
		}
	}
	return false
}

// unstammerRE finds a word begun again ("h-h-hold", "c-can").
var unstammerRE = regexp.MustCompile(`\b(?:[a-z]{1,2}-)+[a-z']+`)

// stammered is the word a stammer begins again, when every start is the
// word's own ("h-h-hold" is "hold"); a hyphenated word is kept
// ("x-ray", "so-so").
func stammered(w string) string {
	parts := strings.Split(w, "-")
	last := parts[len(parts)-1]
	for _, p := range parts[:len(parts)-1] {
		if !strings.HasPrefix(last, p) {
			return w
		}
	}
	return last
}

// restartRE finds a word said, then said again after a comma.
var restartRE = regexp.MustCompile(`\b[a-z']+, [a-z']+\b`)

// restarted is a word said again after a comma once ("hold, hold on",
// "to, to sit up"); two different words are kept.
func restarted(s string) string {
	if a, b, _ := strings.Cut(s, ", "); a == b {
		return a
	}
	return s
}

// bareContractions are contractions typed without their apostrophe, as
// people type at night ("i cant sleep"); a device transcribes them whole.
var bareContractions = map[string]string{
	"cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
	"isnt": "isn't", "im": "i'm", "ive": "i've", "whats": "what's", "thats": "that's", "whys": "why's", "hows": "how's",
	"its": "it's", "couldnt": "couldn't", "wouldnt": "wouldn't", "havent": "haven't",
	// Scots: "I cannae get tae sleep".
	"tae": "to", "cannae": "can't", "canna": "can't", "dinnae": "don't", "didnae": "didn't", "isnae": "isn't",
	"wouldnae": "wouldn't", "couldnae": "couldn't", "wasnae": "wasn't",
	"dae": "do", "aboot": "about", "doon": "down",
	// Jamaican and Scots: "me cyaan sleep", "wha dat mean", "haud on".
	"cyaan": "can't", "caan": "can't", "mi": "my", "dat": "that", "dis": "this", "di": "the", "wha": "what",
	"wat": "what", "whit": "what", "whit's": "what's", "haud": "hold", "naw": "no",
	"pon": "on", "wid": "with", "bredda": "brother", "mek": "make",
	// Trinidadian and American: "I cyah sleep", "let ya go", "aight".
	"cyah": "can't", "ya": "you", "aight": "alright",
	// A last letter dropped, as Jamaican and Southern speech say it: "hol' on".
	"hol": "hold", "goin": "going",
	// Irish and Scots "ye": "are ye awake", "whit did I tell ye".
	"ye": "you",
	// Doric and Scots: "how mony bad nichts", "I'm awa tae ma bed", "tak
	// me through the hamstring een", "dinna keep ma nichts nae mair"
	// ("ma" stays: it may be a mother).
	"nicht": "night", "nichts": "nights", "ayewis": "always", "mony": "many", "awa": "away",
	"tak": "take", "een": "one", "dinna": "don't", "mair": "more", "nae": "no",
	// Krio and Nigerian Pidgin: "wetin yu se", "abeg", "tenki", "yu na
	// dokta".
	"wetin": "what", "yu": "you", "se": "say", "abeg": "please", "tenki": "thanks", "dokta": "doctor",
	// Bajan and Trinidadian: "I try dat already, it ent workin'", "dese
	// legs won' lemme rest", "remin' me wha' I tell you las' week".
	"dese": "these", "dem": "them", "ent": "ain't", "didn": "didn't",
	"t'ank": "thank", "t'anks": "thanks", "remin": "remind", "las": "last",
	// French and Haitian: "non, not the calf", "mèsi".
	"non": "no", "mesi": "thanks",
	// Typed as texts are: "did i tell u this already", "ok thx".
	"u": "you", "ur": "your", "r": "are", "tmrw": "tomorrow", "thx": "thanks", "ty": "thanks", "pls": "please", "plz": "please",
}

// topicAt is a TalkTopic named in the words, and where.
type topicAt struct {
	ID string
	At int
	// Len is how many words the phrase has.
	Len int
}

// minSplitWord is the shortest word topicsIn puts together from pieces:
// shorter ones ("work out", "any more") are more often two words meant.
const minSplitWord = 8

// elderAge reports whether a word is an age of sixty or more: a word of
// elder_ages, or a number from 60 to 119.
func elderAge(w string) bool {
	if n, err := strconv.Atoi(w); err == nil {
		return n >= 60 && n < 120
	}
	return slices.Contains(talk.Words.ElderAges, w)
}

// possessed reports whether a word is someone's "'s" ("mum's"), not a
// contraction ("it's", "that's") the symptom reader keeps whole.
func possessed(w string) bool {
	return strings.HasSuffix(w, "'s") && !symptom.Contracted(w)
}

// pastDoings are the topics whose "-ing" words are things done, also said
// in the past ("gardened"): what was done in the day.
var pastDoings = map[string]bool{"overuse": true, "routine": true}

// mine returns the words joined, each of talk.yaml's owners read as
// "my", and anyone else who does something as "I" do it: a topic's
// phrases say "my" and "I", and anyone's is the same topic ("the way she
// sleeps" is "the way I sleep", set sAB).
func mine(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		switch {
		case slices.Contains(talk.Words.Owners, w):
			w = "my"
		case w != "i" && slices.Contains(talk.Words.Persons, w):
			w = "i"
		case i > 0 && out[i-1] == "i" && ws[i-1] != "i" && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			// "she sleeps", "he lies": as "I sleep", "I lie".
			w = strings.TrimSuffix(w, "s")
		}
		out[i] = w
	}
	return strings.Join(out, " ")
}

// topicsIn finds the TalkTopic phrases in the words, longest first where
// they overlap, in the order said.
func topicsIn(ws []string) []topicAt {
	taken := make([]bool, len(ws))
	for _, fw := range figureWords {
		for i := 0; i+len(fw) <= len(ws); i++ {
			if phraseAt(fw, ws[i:]) {
				for j := i; j < i+len(fw); j++ {
					taken[j] = true
				}
			}
		}
	}
	var out []topicAt
	for n := maxTopicWords; n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if slices.Contains(taken[i:i+n], true) {
				continue
			}
			key := strings.Join(ws[i:i+n], " ")
			id, ok := topicWords[key]
			if !ok && strings.HasSuffix(key, "'s") {
				// "the swag's to blame": the topic, with its "is".
				id, ok = topicWords[strings.TrimSuffix(key, "'s")]
			}
			if !ok && n >= 3 {
				// Three words or more, so the owner is not most of the
				// phrase: "your muscles" in "do your muscles lose their
				// stretch with age" is anyone's, and no tired muscles.
				id, ok = topicWords[mine(ws[i:i+n])]
			}
			if ok {
				out = append(out, topicAt{id, i, n})
				for j := i; j < i+n; j++ {
					taken[j] = true
				}
			}
		}
	}
	// "Could it be mag nesium", "my hor mones": a recogniser may split a
	// long word it does not know; the pieces said together are the word.
	for n := 2; n <= 3; n++ {
		for i := 0; i+n <= len(ws); i++ {
			joined := strings.Join(ws[i:i+n], "")
			if len(joined) < minSplitWord || slices.Contains(taken[i:i+n], true) {
				continue
			}
			if id, ok := topicWords[joined]; ok {
				out = append(out, topicAt{id, i, n})
				for j := i; j < i+n; j++ {
					taken[j] = true
				}
			}
		}
	}
	// "Is it because mum's eighty", "because he's 80?": an age of sixty
	// or more, told as a number as the reason asked about, is age; told
	// as who someone is ("my mam is eighty-seven and her hip aches") it
	// is not what is asked.
	for i := 1; i < len(ws); i++ {
		reason := i >= 2 && slices.Contains(talk.Words.AgeReasons, ws[i-2]) || i == 1 && len(ws) <= 3
		if reason && !taken[i-1] && !taken[i] && elderAge(ws[i]) && (slices.Contains(talk.Words.AgeLeads, ws[i-1]) || possessed(ws[i-1])) {
			out = append(out, topicAt{"age", i - 1, 2})
			taken[i-1], taken[i] = true, true
		}
	}
	// "Dad gardened all day": a thing done, said in the past, is the
	// doing its "-ing" names.
	for i, w := range ws {
		base, ok := strings.CutSuffix(w, "ed")
		if !ok || len(base) < 3 || taken[i] {
			continue
		}
		if id := topicWords[base+"ing"]; pastDoings[id] {
			out = append(out, topicAt{id, i, 1})
			taken[i] = true
		}
	}
	slices.SortFunc(out, func(a, b topicAt) int { return a.At - b.At })
	out = slices.DeleteFunc(out, func(f topicAt) bool { return wornThing(ws, out, f) })
	for i, f := range out {
		if end := f.At + f.Len; end < len(ws) && f.ID != "doctor_visit" && slices.Contains(talk.Words.Clinics, ws[end]) && !slices.ContainsFunc(out, func(g topicAt) bool { return g.At == end }) {
			// "The vein clinic said my circulation is perfect": who
			// said it is a doctor.
			out[i] = topicAt{"doctor_visit", f.At, f.Len + 1}
		}
	}
	// "Sleeping on the couch so I don't wake the baby, could the couch be
	// why": a thing named again is the thing it was the first time,
	// though its word alone belongs to another topic. Named again means
	// pointed back at ("the couch", "that couch"): "tonic water ... not
	// drinking enough water" names plain water the second time (set sAA).
	for i := range out {
		if !pointedBack(ws, out[i].At) {
			continue
		}
		for _, e := range out[:i] {
			if head := ws[out[i].At+out[i].Len-1]; e.Len > out[i].Len && ws[e.At+e.Len-1] == head {
				out[i].ID = e.ID
				break
			}
		}
	}
	return out
}

// pointedBack reports whether the words at i point back at something
// named before: "the couch", "that couch", "that's the sofa".
func pointedBack(ws []string, i int) bool {
	for j := max(0, i-1); j <= i && j < len(ws); j++ {
		if w := strings.TrimSuffix(ws[j], "'s"); w == "the" || slices.Contains(talk.Words.Pointers, w) {
			return true
		}
	}
	return false
}

// flareAfter reports whether the topic at f is a flare only (talk.yaml
// flares) said after a condition other than its own was named.
func flareAfter(ws []string, found []topicAt, f topicAt) bool {
	if !isFlare(ws, f) {
		return false
	}
	return slices.ContainsFunc(found, func(g topicAt) bool { return g.At < f.At && conditions[g.ID] && g.ID != f.ID })
}

// ageOf reports whether f is one's age said as "at" or "for" it right
// after another topic ends ("arthritis at my age").
func ageOf(ws []string, found []topicAt, f topicAt) bool {
	if f.ID != "age" || f.At < 2 || ws[f.At-1] != "at" && ws[f.At-1] != "for" {
		return false
	}
	return slices.ContainsFunc(found, func(g topicAt) bool { return g.ID != "age" && g.At+g.Len == f.At-1 })
}

// broughtOnBy returns found without what was being done right after a
// condition brought on ("pinched a nerve in my back" with brought_on
// words before it, then "lifting the shopping"): how the condition came.
func broughtOnBy(ws []string, found []topicAt) []topicAt {
	var kept []topicAt
	how := -1 // where the last thing done ends
	for _, f := range found {
		if !conditions[f.ID] && (how >= 0 && f.At-how <= 1 || strings.HasSuffix(ws[f.At], "ing") && broughtOnBefore(ws, found, f.At)) {
			how = f.At + f.Len
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// broughtOnBefore reports whether a condition brought on ends right
// before i: brought_on words before it, in the seven words before i
// ("pinched a nerve in my back lifting").
func broughtOnBefore(ws []string, found []topicAt, i int) bool {
	for _, g := range found {
		end := g.At + g.Len
		if !conditions[g.ID] || end > i || i-end > 1 {
			continue
		}
		if slices.ContainsFunc(ws[max(0, i-7):g.At], func(w string) bool { return slices.Contains(talk.Words.BroughtOn, w) }) {
			return true
		}
	}
	return false
}

// isFlare reports whether the topic at f is named by a flare only.
func isFlare(ws []string, f topicAt) bool {
	return slices.ContainsFunc(flares, func(p []string) bool { return len(p) == f.Len && phraseAt(p, ws[f.At:]) })
}

// flares are talk.Words.Flares, split into words.
var flares = phraseWords(talk.Words.Flares)

// triggers are talk.Words.Triggers as words.
var triggers = phraseWords(talk.Words.Triggers)

// drunk are the causes a cramp's trigger may name (triggeredBy).
var drunk = map[string]bool{"caffeine_alcohol": true, "hydration": true}

// triggeredBy returns found without a cramp named before trigger words,
// when what is drunk is named after them ("why do I get a charley horse
// every time I have a few beers"): the cramp is what comes each time,
// the drink is asked about. It is nil when no cramp comes before the
// trigger. Nothing else so named is taken for the cause (reviews of set
// sBE): a cramp every time one walks up a hill stays the cramp (pain
// on walking may be the arteries', not tired muscles); sitting or lying is
// when a condition shows ("an itch to move my legs whenever I sit
// down"); another condition ("my oedema ... every time I eat salt") is
// asked about itself, its answer carrying its own warning; and a tablet
// is no cramp's cure.
func triggeredBy(ws []string, found []topicAt) []topicAt {
	at := -1
	for i := range ws {
		if slices.ContainsFunc(triggers, func(p []string) bool { return phraseAt(p, ws[i:]) }) {
			at = i
			break
		}
	}
	if at < 0 || !slices.ContainsFunc(found, func(f topicAt) bool { return f.At > at && drunk[f.ID] }) {
		return nil
	}
	kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At < at && f.ID == "cramp" })
	if len(kept) == len(found) {
		// "Whenever I sit down to watch telly my legs start itching
		// from the inside": what comes is told after the trigger.
		return nil
	}
	return kept
}

// changeToldBefore reports whether the topic at f is "the change" said
// after a change was told (talk.yaml changes).
func changeToldBefore(ws []string, f topicAt) bool {
	return theChange(ws, f) && changeTold(ws[:f.At])
}

// theChange reports whether the topic at f is the words "the change".
func theChange(ws []string, f topicAt) bool {
	return f.Len == 2 && ws[f.At] == "the" && ws[f.At+1] == "change"
}

// changeTold reports whether the words tell of a change made.
func changeTold(ws []string) bool {
	return anyIn(ws, talk.Words.Changes)
}

// harmedAsked finds a topic of talk.yaml's kinds.harmed named within
// three words after a harming word (talk.yaml harms), or opening with
// one, when another topic is named before it.
func harmedAsked(ws []string, found []topicAt) (topicAt, bool) {
	for i, f := range found {
		if i == 0 || !harmed[f.ID] {
			continue
		}
		// "Could sitting cross legged trap a nerve": the harming word
		// may open the topic's own phrase.
		for j := max(found[i-1].At+found[i-1].Len, f.At-3); j <= f.At; j++ {
			if slices.ContainsFunc(talk.Words.Harms, func(h string) bool { return phraseAt([]string{h}, ws[j:]) }) {
				return f, true
			}
		}
	}
	return topicAt{}, false
}

// maxTopicWords is the most words of a TalkTopic phrase read from free
// speech. The few longer phrases in the model serve a device's slot only:
// read here, a feeling told in many words ("not as young as I used to
// be", "not enough blood getting to my legs") answered a complaint
// beside it as a cause asked (review of set sBD).
const maxTopicWords = 6

// topicIn is the topic a question is about. A question that names a
// condition and something else is about the other thing: "my restless
// legs got worse since the allergy pills" asks about the pills, "could
// wine make my restless legs worse" about the wine; unless the condition
// is what is asked about ("is arthritis just getting old", "what is a
// cramp").
func topicIn(ws []string) string { return topicFrom(ws, topicsIn(ws)) }

// topicFrom is topicIn for the topics already found in the words, which
// it may reorder or drop in place.
func topicFrom(ws []string, found []topicAt) string {
	if len(found) == 0 {
		return ""
	}
	// "If I switched to decaf after lunch would my night cramps ease
	// off": the change supposed is what is asked about, not the
	// complaint it would ease (set sAP).
	if at := slices.IndexFunc(ws, func(w string) bool { return w == "would" || w == "will" || w == "could" }); at > 0 && betterIf(ws) {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At > at || conditions[f.ID] }); len(kept) > 0 {
			return kept[0].ID
		}
	}
	// "I'm on the pill and the bed is rock hard, is a firm mattress
	// enough to make my hips ache", "my nan takes a statin and she's
	// eighty five, is it normal at her age": a medicine someone is said
	// to be on, told before a question that names another cause itself,
	// is who they are; that cause is asked (set sK). "I take an
	// antihistamine, is that alright with restless legs" points back at
	// the medicine.
	// "My physio said it was sciatica last year, could it be flaring up
	// again": a flare after a condition named is that condition's
	// (set sP); alone ("is it her arthritis flaring up", "flaring up?")
	// it keeps its own topic.
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return flareAfter(ws, found, f) }); len(kept) > 0 {
		found = kept
	}
	if kept := triggeredBy(ws, found); len(kept) > 0 {
		found = kept
	}
	// "Surely it's not arthritis at my age", "can you get a trapped
	// nerve at my age": one's age said right after a cause is when the
	// cause would come, not another cause asked about (set sBD).
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return ageOf(ws, found, f) }); len(kept) > 0 {
		found = kept
	}
	// "I swapped a warehouse job for a call centre, could the change
	// explain my aching legs": the change told before is the one
	// pointed at, not the menopause (set sN).
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return changeToldBefore(ws, f) }); len(kept) > 0 {
		found = kept
	}
	// "I think I pinched a nerve in my back lifting the shopping, can
	// that make your leg hurt at night": what was being done is how the
	// condition came; the condition is asked about (set sU).
	if kept := broughtOnBy(ws, found); len(kept) > 0 {
		found = kept
	}
	if g, ok := harmedAsked(ws, found); ok {
		// "Can booze damage the nerves in your legs", "could the alcohol
		// have damaged my nerves": what is harmed is asked about, not
		// what harms it (sets sN, sP).
		found = []topicAt{g}
	} else if g, ok := backgroundAsked(ws, found); ok {
		found = []topicAt{g}
	} else if nightAskedPast(ws, found) {
		// "I take a statin and my legs ache in the evening. Is there a
		// body clock reason that pain gets worse at night": the night is
		// asked about, not the medicine (set sL).
		return ""
	}
	// "Played tennis in the sun, could losing all that salt explain the
	// cramp", "I play a lot of volleyball and the physio said jumper's
	// knee, is the tendon being inflamed": a sport named beside another
	// cause is what was done; the other cause is what is asked (set sE).
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return sportAt(ws, f) }); len(kept) > 0 && len(kept) < len(found) &&
		slices.ContainsFunc(kept, func(f topicAt) bool { return f.ID != "overuse" }) {
		found = kept
	}
	// "My dad had terrible circulation, does it run in families": running
	// in the family is asked of the cause named, though restless legs
	// hold the phrase too (set sAG).
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return familyAsked(ws, f) }); len(kept) > 0 {
		found = kept
	}
	// "Not stress nerves, the actual nerves", "my mattress is new so
	// that's not it, could I be low on potassium": a topic denied or
	// ruled out is not the one asked about, when another is named; and
	// "I'm not overdoing it in the day, so why are my legs fine all day
	// and sore at night" asks why the night.
	out := make([]bool, len(found))
	for i, f := range found {
		// "I've ruled out the bed and my shoes": what follows "and"
		// after a topic ruled out is ruled out too.
		out[i] = deniedAt(ws, f.At) || ruledOut(ws, f) || rulingDoctor(ws, f) ||
			i > 0 && out[i-1] && f.At >= 1 && ws[f.At-1] == "and" && found[i-1].At+found[i-1].Len == f.At-1
	}
	// "Which is more likely, my age or the way I sleep ... I can't
	// believe it's age": a cause ruled out once is ruled out wherever
	// it is named (set sAD), when words said before it rule it out: "each
	// shift is normal" after a waiter's walking tells of the shift.
	for _, f := range found {
		if ruledFirst(ws, f) {
			for j, g := range found {
				out[j] = out[j] || g.ID == f.ID
			}
		}
	}
	var kept []topicAt
	for i, f := range found {
		if !out[i] {
			kept = append(kept, f)
		}
	}
	if len(kept) > 0 {
		found = kept
	} else if asksWhyNight(ws) || asksWhatThat(ws) || nightAsked(ws) {
		// "It's not a cramp, it's like electricity under the skin, what
		// is it": the feeling is asked about, not what it was said not
		// to be (set sG); so is the night ("the doctor ruled out
		// restless legs, is pain just worse at night because there's
		// nothing to distract you", set sX).
		return ""
	}
	// "Could it be my circulation, or- no, scratch that, I think I just
	// overdid it", "I want to say it's my shoes but honestly I've been so
	// anxious": a cause taken back is not what is asked, when another is
	// named after it (set sAO); a cause a warning sign may mean stays.
	if at := correctedAt(ws); at > 0 {
		kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At < at && !serious[f.ID] })
		if len(kept) > 0 {
			found = kept
		} else if rest := ws[at:]; asksWhyNight(rest) || nightAsked(rest) {
			// "Could it be dehydration, or, no, let me ask it
			// differently, why does everything hurt more at night".
			return ""
		}
	}
	// "Pinched nerve or a bad mattress, what's more likely", "is it
	// stress, or is it all the sitting I do": of two causes offered as
	// alternatives, the first named is answered (set sAK), and its
	// answer says what else to look at.
	if f, ok := firstAlternative(ws, found); ok {
		return f.ID
	}
	// "New mattress, pillow between the knees, none of it helped, ...
	// restless legs after all, do you think": what was tried and did
	// nothing is not what is asked, when a cause is named after it.
	if at := closedAt(ws, found); at > 0 {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At < at }); len(kept) > 0 {
			found = kept
		}
	}
	// "The chemist told me to try an anti-inflammatory, does that mean
	// it's inflammation": what something means is asked about (set sA).
	for _, f := range found {
		if ledBy(ws, f.At, meaningLeads, func(w string) bool { return w == "a" || w == "an" || w == "the" || w == "my" }) {
			return f.ID
		}
	}
	// "Could it be my nerves, I mean being anxious": what is meant,
	// said after "I mean", is what is asked about.
	if m := meantAt(ws); m > 0 {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At < m }); len(kept) > 0 {
			found = kept
		}
	}
	// "Is it okay to take ibuprofen if I have arthritis", "a sleeping
	// pill, is that okay if I have restless legs": a condition the asker
	// has, beside a medicine, is whom the medicine is for; the medicine
	// is asked about.
	if slices.ContainsFunc(found, func(f topicAt) bool { return medicines[f.ID] }) {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return conditions[f.ID] && hadAt(ws, f.At) }); len(kept) > 0 {
			found = kept
		}
	}
	// "Bulging veins behind my knees, could they be why my legs throb
	// after a long shift": a question that points back asks about what
	// came before it, not the story after.
	if q := pointsBack(ws, found); q > 0 {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.At > q }); len(kept) > 0 {
			found = kept
		}
		// "Hairdresser here, and I've got these bulgy veins behind my
		// knees, are they why my legs feel heavy", "I'm on night shifts
		// and live on energy drinks, could that be why": who is asking
		// and what their days have been, told first, set the scene; a
		// cause told after them is what the question points back at
		// (set sAF). Not a medicine, a test or a warning sign's
		// condition, which are the story's ("my thyroid's underactive,
		// I'm on the tablets for it, could that be why"), nor the couch
		// a day was sat on ("I barely move off the couch"), nor a part
		// that hurts since ("lifting boxes all day and my back hurts").
		if i := slices.IndexFunc(found, func(f topicAt) bool { return !backgrounds[f.ID] }); i > 0 {
			f := found[i]
			// A bed found at fault is no seat, though: "I sleep days
			// after my shifts and the spare bed is really saggy, could
			// that be why" (set sBA).
			sat := f.ID == "mattress" && slices.ContainsFunc(found[:i], func(g topicAt) bool { return g.ID == "routine" }) && !bedFaulted(ws, f)
			hurts := f.At+f.Len < len(ws) && feltWord(ws[f.At+f.Len])
			if !medicines[f.ID] && !doctorTopics[f.ID] && !serious[f.ID] && !sat && !hurts {
				found = found[i:]
			}
		}
	}
	// "I got a topper off the telly and my hips give me grief, is the
	// topper to blame?": what the question itself names is asked about,
	// not the story before it.
	if q := lastAsk(ws, found); q > 0 && found[0].At < q && !askedBefore(ws, found, q) {
		found = slices.DeleteFunc(found, func(f topicAt) bool { return f.At < q })
	}
	// "She can't lie on that side any more, her friend thinks it's
	// bursitis, would that be it": what someone else named is what is
	// asked about, when the question names nothing itself.
	if n := len(found); n > 1 && namedBy(ws, found[n-1]) && found[0].ID != found[n-1].ID && found[n-2].At+found[n-2].Len+3 <= found[n-1].At {
		// The topic before it ends well before the naming words: "mum
		// said bad circulation runs in the family" names circulation.
		found = found[n-1:]
	}
	// "Why does a wee ache turn into a nuisance once I'm lying in my
	// bed" asks why night, not about the bed: a bed only named, after
	// "why", is where the pain comes, not what is asked about.
	// A bed found at fault is asked about, though: "my bed is so lumpy,
	// is that why my legs hurt".
	if whyAsked(ws) {
		if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool {
			return plainBed(f.ID, strings.Join(ws[f.At:f.At+f.Len], " ")) && !bedFaulted(ws, f)
		}); len(kept) < len(found) {
			if len(kept) == 0 {
				return ""
			}
			found = kept
		}
	}
	// "My feet feel like they're on fire under the duvet every night and
	// I'm type two diabetic, is it connected": a plain bed said as the
	// place the pain comes is not what is asked about, when something
	// else is named (set rW).
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return bedPlace(ws, f) }); len(kept) > 0 {
		found = kept
	}
	// "The doctor mentioned bursitis once, is that it": what a doctor
	// said is asked about, not what doctors do; and "my physio says
	// lying still stiffens the hips up, is that why it's worse at night"
	// asks why the night.
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool { return f.ID == "doctor_visit" && reports(ws, f) }); len(kept) > 0 {
		found = kept
	} else if asksWhyNight(ws) {
		return ""
	}
	// "My thyroid came back a bit off on my last blood test, could that
	// cause cramps": a test that found something is the story, and what
	// it found is asked about.
	if kept := slices.DeleteFunc(slices.Clone(found), func(f topicAt) bool {
		return f.ID == "tests" && (cueFits("came back", ws) || slices.Contains(ws[max(0, f.At-2):f.At], "last"))
	}); len(kept) > 0 {
		found = kept
	}
	// "will the doctor check my iron if I've got restless legs" asks
	// what a doctor does.
	for _, f := range found {
		if (f.ID == "doctor_visit" || f.ID == "tests") && anyIn(ws, talk.Words.DoctorDoes) {
			return f.ID
		}
	}
	// "What would the doctor do about night cramps in pregnancy": a
	// question that opens on the doctor asks about the doctor.
	if f := found[0]; doctorTopics[f.ID] && f.At <= 1 && f.Len >= 3 {
		return f.ID
	}
	// "Sitting in the stands I can't stop bouncing my knees, that's
	// restless leg, eh": what a question tag follows is asked about.
	if at := tagAt(ws); at > 0 {
		for _, f := range slices.Backward(found) {
			if end := f.At + f.Len; (end == at || end == at-1) && statedAt(ws, f.At) {
				return f.ID
			}
		}
	}
	// "Should I be taking magnesium for these cramps, my neighbour
	// hasn't had a cramp since": what is needed is asked about, before a
	// condition someone else had.
	for _, f := range found {
		if slices.ContainsFunc(needAsks, func(p []string) bool { return f.At >= len(p) && slices.Equal(ws[f.At-len(p):f.At], p) }) {
			return f.ID
		}
	}
	// "Low potassium can be why I have the cramp": a learner's question
	// names what it asks about first.
	if f, ok := askedAfter(ws, found); ok {
		return f.ID
	}
	for _, f := range found {
		if conditions[f.ID] && definedAt(ws, f.At) {
			return f.ID
		}
	}
	// "A creepy feeling in my thighs at bedtime and walking round is the
	// only thing that stops it, what is it": a condition described, then
	// "what is it" at the end, asks what that condition is.
	if endsAskingWhat(ws) {
		for _, f := range found {
			if conditions[f.ID] {
				return f.ID
			}
		}
	}
	// "Could bursitis in my hip be why I can't lie on that side", "I was
	// wondering whether it's my circulation, I'm a hairdresser...": what
	// the question opens by naming is what it asks about, not the story
	// around it.
	if f, ok := askedFirst(ws, found); ok {
		return f.ID
	}
	// "I stand all day, is that a vein thing": a condition right after
	// the last question's asking words is what it asks about, though a
	// cause came before it.
	if f, ok := askedRightAfter(ws, found); ok {
		return f.ID
	}
	// A medicine named is what is asked about, even after "my doctor
	// put me on".
	for _, f := range found {
		if medicines[f.ID] && f.ID != "medicine" {
			return f.ID
		}
	}
	// A stressful job, or a carer run ragged with worry, asks about the
	// stress rather than the job or the day.
	if slices.ContainsFunc(found, func(f topicAt) bool { return f.ID == "stress" }) &&
		slices.ContainsFunc(found, func(f topicAt) bool { return f.ID == "routine" || f.ID == "overuse" }) {
		return "stress"
	}
	for _, f := range found {
		if !conditions[f.ID] {
			return f.ID
		}
	}
	return found[0].ID
}

// firstAlternative returns the first of two causes offered as
// alternatives: joined by "or" or "versus" (talk.yaml's alternatives)
// with at most a few words between them ("stress here, or is it all the
// sitting"); a condition a warning sign may mean wherever it is named.
func firstAlternative(ws []string, found []topicAt) (topicAt, bool) {
	for i := 0; i+1 < len(found); i++ {
		a, b := found[i], found[i+1]
		between := ws[a.At+a.Len : b.At]
		// "Is there a test for restless legs or does the doctor just
		// ask": a doctor beside it asks what the doctor does.
		if doctorTopics[a.ID] || doctorTopics[b.ID] {
			continue
		}
		if a.ID != b.ID && len(between) <= 5 && anyIn(between, talk.Words.Alternatives) {
			if serious[b.ID] && !serious[a.ID] {
				// "Cramp or a blood clot, which is it": the one a
				// warning sign may mean is answered, and offers the
				// check (review).
				return b, true
			}
			return a, true
		}
	}
	return topicAt{}, false
}

// pointedAt returns the topic a question points "that" or "it" at:
// "is that to do with my veins", "would that be the bursa inflamed"; not
// "could that be why my legs cramp", whose topic is the complaint.
func pointedAt(q []string, fq []topicAt) (topicAt, bool) {
	for p := 0; p+2 < len(q); p++ {
		if !slices.Contains(talk.Words.FirstAsks, q[p]) || !slices.Contains(talk.Words.Pointers, q[p+1]) {
			continue
		}
		i := p + 2
		for i < len(q) && slices.Contains(talk.Words.PointedLeads, q[i]) {
			i++
		}
		// The topic may start with a lead word ("my veins") or follow
		// one word of its own ("the bursa inflamed").
		for _, f := range fq {
			if f.At >= p+2 && f.At <= i+1 && !bedPlace(q, f) {
				return f, true
			}
		}
	}
	return topicAt{}, false
}

// bareAsked returns the topic of a clause that is nothing but a topic,
// asked: "..., blood flow?", "cramps. water?"; with qualified, one word
// that only qualifies it may stand beside it ("blood flow problem?"), but
// not after a complaint ("my calf hurts, circulation problem?" keeps its
// safety question: review). It returns "" if there is none.
func bareAsked(text string, qualified bool) string {
	for seg := range strings.SplitAfterSeq(text, "?") {
		if !strings.HasSuffix(seg, "?") {
			continue
		}
		clause := strings.TrimSuffix(seg, "?")
		if i := strings.LastIndexAny(clause, ",.;!:"); i >= 0 {
			clause = clause[i+1:]
		}
		ws := tokens(clause)
		ws = pastFillers(ws)
		if found := topicsIn(ws); len(found) == 1 && (found[0].At == 0 && found[0].Len == len(ws) || qualified && bareAround(ws, found[0])) {
			return found[0].ID
		}
	}
	return ""
}

// plainBed reports whether a topic and the words that named it are a bed
// only named ("my bed", "the duvet"), with nothing said about it.
func plainBed(id, words string) bool {
	return id == "mattress" && slices.Contains(talk.Words.PlainBed, strings.ToLower(words))
}

// bedFaulted reports whether a plain bed found at f is said to be at
// fault a few words on (talk.yaml's bed_faults): "my bed is literally so
// lumpy".
func bedFaulted(ws []string, f topicAt) bool {
	end := f.At + f.Len
	reach := 4
	if end+1 < len(ws) && slices.Contains(talk.Words.BedWheres, ws[end]) && !slices.Contains(talk.Words.BedWhens, ws[end+1]) {
		// "My bed at my dad's is really lumpy": where it is comes
		// first.
		reach = 8
	}
	return slices.ContainsFunc(ws[end:min(end+reach, len(ws))], func(w string) bool { return slices.Contains(talk.Words.BedFaults, w) })
}

// bedPlace reports whether a topic found is a plain bed said as a place:
// "under the duvet", "in my bed".
func bedPlace(ws []string, f topicAt) bool {
	if !plainBed(f.ID, strings.Join(ws[f.At:f.At+f.Len], " ")) {
		return false
	}
	if slices.Contains(talk.Words.BedPlaces, ws[f.At]) {
		return true
	}
	i := f.At
	for i > 0 && slices.Contains(talk.Words.BedOwners, ws[i-1]) {
		i--
	}
	return i > 0 && slices.Contains(talk.Words.BedPlaces, ws[i-1])
}

// statedAt reports whether the topic at i is stated as what it is:
// "that's restless leg, eh", "it's the wine, isn't it"; not "take iron
// for the restless legs, is it true".
func statedAt(ws []string, i int) bool {
	for i > 0 && slices.Contains(talk.Words.FirstGlue, ws[i-1]) && ws[i-1] != "it's" && ws[i-1] != "its" && ws[i-1] != "that" {
		i--
	}
	return i > 0 && slices.Contains(talk.Words.Stating, ws[i-1])
}

// meantAt is where a correction says what is meant ("I mean", "I
// meant"), or 0.
func meantAt(ws []string) int {
	for i := 1; i+1 < len(ws); i++ {
		if ws[i-1] == "i" && (ws[i] == "mean" || ws[i] == "meant") {
			return i + 1
		}
	}
	return 0
}

// hadAt reports whether the topic at i is said as what someone has ("if
// I have", "with my"): who a question is about, not what it asks.
func hadAt(ws []string, i int) bool {
	return slices.ContainsFunc(havingWords, func(p []string) bool { return i >= len(p) && slices.Equal(ws[i-len(p):i], p) })
}

// pointsBack is where a question starts whose subject is a word
// pointing back ("could they be why", "is that why", "can that cause"),
// with no topic of its own right after; 0 when there is none.
func pointsBack(ws []string, found []topicAt) int {
	for q := 1; q+2 < len(ws); q++ {
		if !pointingAt(ws, q) {
			continue
		}
		// "Those twisty veins behind her knees, are they what aches":
		// what the pointer is asked to be points back too.
		if !slices.Contains(talk.Words.CauseVerbs, ws[q+2]) && !slices.Contains(talk.Words.PointedAs, ws[q+2]) {
			continue
		}
		if ws[q+2] == "be" && (q+3 >= len(ws) || !slices.Contains(talk.Words.BeWhy, ws[q+3])) {
			// "would that be the drink drying me out" names its own.
			continue
		}
		// "could this be the start of osteoarthritis" names its own.
		next := q + 3
		for next < len(ws) && slices.Contains(talk.Words.LeadIn, ws[next]) {
			next++
		}
		if !slices.ContainsFunc(found, func(f topicAt) bool { return f.At > q+1 && f.At <= max(q+4, next) }) {
			return q
		}
	}
	return 0
}

// pointingAt reports whether a question opens at q on a word that points
// back: "could that", "are they".
func pointingAt(ws []string, q int) bool {
	return q+1 < len(ws) && (slices.Contains(talk.Words.FirstAsks, ws[q]) || slices.Contains(talk.Words.PointingAsks, ws[q])) &&
		slices.Contains(talk.Words.Pointers, ws[q+1])
}

// familyAsked reports whether the topic at f is only its words for
// running in the family ("run in families", "in the family"), not a
// cause named.
func familyAsked(ws []string, f topicAt) bool {
	return f.ID != "doctor_visit" && slices.ContainsFunc(ws[f.At:f.At+f.Len], func(w string) bool { return strings.HasPrefix(w, "famil") })
}

// deniedAt reports whether the words at i are denied: "not stress",
// "it isn't the mattress".
func deniedAt(ws []string, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		if ws[j] == "not" || ws[j] == "isn't" || ws[j] == "isnt" {
			// "Have I just not drunk enough water": not enough of
			// something is a shortfall asked about, not a denial (set
			// sAE).
			return !slices.ContainsFunc(ws[j+1:min(i+1, len(ws))], func(w string) bool { return slices.Contains(talk.Words.Enough, w) })
		}
	}
	return false
}

// theirsAsked reports whether the words tell a condition of someone
// else's ("my mam's knees went with arthritis at sixty") and then ask
// whether the listener's own is the same ("is mine starting the same
// way"): the condition is asked about, not the other person's complaint
// (set sAF).
func theirsAsked(ws []string, found []topicAt, topic string, someone bool) bool {
	for _, f := range found {
		// Whose the condition is: "my mam's knees", or, when someone is
		// named (the symptom reader's Person), any words before it ("my
		// mum had arthritis in both hips, am I going the same way", set
		// sAV). The caller names someone only with no part of the
		// listener's own told: "my mum had gout, am I getting it, my
		// big toe is killing me tonight" is a pain told (review).
		if f.ID != topic || !slices.ContainsFunc(ws[:f.At], possessed) && !(someone && f.At > 0) {
			continue
		}
		rest := ws[f.At+f.Len:]
		return anyCueFits(talk.Words.MineAsked, rest)
	}
	return false
}

// namedThenAsked reports whether the text names a condition alone, then
// asks something of it after a comma: "varicose veins, should I raise my
// legs", "sciatica, how long does that last" (set sB). Not a cramp: "cramp,
// what do I do" wants its relief.
func namedThenAsked(text, topic string) bool {
	head, tail, ok := strings.Cut(text, ",")
	if !ok || topic == "cramp" {
		return false
	}
	hw := slices.DeleteFunc(tokens(head), func(w string) bool { return w == "my" || w == "the" || w == "so" || w == "um" })
	f := topicsIn(hw)
	if len(f) != 1 || f[0].ID != topic || f[0].Len != len(hw) {
		return false
	}
	tw := tokens(tail)
	return len(tw) > 0 && slices.Contains(talk.Words.AskStarts, tw[0])
}

// doctorAsked reports whether the words ask what a doctor named would
// do, and name no topic: a doctor word, a question, and doctor_asks. A
// topic named is what such a question is about ("what would the doctor
// do about my veins"), so it is read only when there is none.
func doctorAsked(ws []string, found []topicAt, someone, told bool) bool {
	// "Who's best to see about it, a GP or a physio": the doctors named
	// are what is asked about (set sAP). "What would they ask me", with
	// no one else named, asks it of the doctors (set sAX).
	if slices.ContainsFunc(found, func(f topicAt) bool { return !doctorTopics[f.ID] }) || !anyIn(ws, talk.Words.Doctors) && (someone || !theyAsked(ws)) {
		return false
	}
	if !slices.ContainsFunc(ws, func(w string) bool {
		return slices.Contains(talk.Words.AskStarts, w) || w == "tell" || w == "who" || w == "who's"
	}) {
		return false
	}
	return anyCueFits(talk.Words.DoctorAsks, ws) || !told && anyCueFits(talk.Words.DoctorTellAsks, ws)
}

// theyAsked reports whether "they" follows a word that opens a question
// ("would they", "will they ever"): asked of others, not told of them.
func theyAsked(ws []string) bool {
	i := slices.Index(ws, "they")
	return i > 0 && slices.Contains(talk.Words.AskStarts, ws[i-1])
}

// supposedTopic returns the topic a question supposes before asking
// about it ("if it's bursitis", "say it is the change"): one named within
// two words of the supposing words, not a cramp (a cramp supposed, "if
// it's a cramp what do I do", wants its relief).
func supposedTopic(ws []string, found []topicAt) string {
	worry := slices.ContainsFunc(found, func(g topicAt) bool { return g.ID == "stress" })
	whether := func(i int) bool {
		// "can you say if", "can you tell me if".
		return i > 0 && slices.Contains(talk.Words.WhetherLeads, ws[i-1]) ||
			i > 1 && (ws[i-1] == "me" || ws[i-1] == "us") && slices.Contains(talk.Words.WhetherLeads, ws[i-2])
	}
	for i := range ws {
		for _, p := range supposed {
			if i+len(p) > len(ws) || !phraseAt(p, ws[i:]) || whether(i) {
				continue
			}
			end := i + len(p)
			if end < len(ws) && (ws[end] == "been" || ws[end] == "getting") {
				// "My hip throbs if it's been a big day" tells when.
				continue
			}
			for _, f := range found {
				if worriedNerves(f.ID, worry) || deniedAt(ws, f.At) || ruledOut(ws, f) || f.At < correctedAt(ws) {
					// "If it's not sciatica, what else could it be"; "I
					// want to say it's my shoes but honestly..." takes
					// the shoes back.
					continue
				}
				if f.At >= end && f.At <= end+2 && f.ID != "cramp" && !neverInstead[f.ID] {
					return f.ID
				}
			}
		}
	}
	return ""
}

// ruledOut reports whether the words rule the topic at f out: "I don't
// think it's the mattress", "my mattress is new so that's not it", "not
// the veins, I checked already".
func ruledOut(ws []string, f topicAt) bool {
	if ruledFirst(ws, f) {
		return true
	}
	end := f.At + f.Len
	for _, p := range ruledAfter {
		for j := end; j <= end+2 && j+len(p) <= len(ws); j++ {
			if phraseAt(p, ws[j:]) {
				// "My restless legs are fine in the day but go crazy at
				// bedtime": fine by day is the night asked about, not
				// the cause ruled out.
				after := ws[j+len(p) : min(j+len(p)+3, len(ws))]
				return !anyIn(after, talk.Words.Daytime)
			}
		}
	}
	return false
}

// ruledFirst reports whether words said before the topic at f rule it
// out: "I can't believe it's age".
func ruledFirst(ws []string, f topicAt) bool {
	return ledBy(ws, f.At, ruledBefore, func(w string) bool { return w != "and" })
}

// nightAsked reports whether one of talk.yaml's concepts for why pain is
// worse at night fits the words.
func nightAsked(ws []string) bool {
	return slices.ContainsFunc(talk.Concepts, func(c talkConcept) bool { return c.Intent == IntentWhyNight && !c.Routine && c.fits(ws) })
}

// rulingDoctor reports whether the topic at f is a doctor who ruled
// something out ("the doctor ruled out restless legs", "my GP said it's
// not my nerves"): who ruled it out is told, not asked about (set sX).
func rulingDoctor(ws []string, f topicAt) bool {
	if !doctorTopics[f.ID] {
		return false
	}
	end := f.At + f.Len
	if end < len(ws) && slices.Contains(talk.Words.Report, ws[end]) {
		end++
	}
	return slices.ContainsFunc(ruledBefore, func(p []string) bool { return end+len(p) <= len(ws) && phraseAt(p, ws[end:]) })
}

// feared reports whether a topic is a condition a listener may fear
// having ("I'm scared it's a clot"): worry about it is answered with what
// it is, and the check.
func feared(topic string) bool {
	return conditions[topic] || topic == "dvt" || topic == "claudication"
}

// dayNightContrast reports whether the words set the day against the
// night: a daytime word before a turn ("but", "then") and a night word
// after it, the night first and the day after "when" or "while"
// (talk.yaml's daytime, turns, whereas and nighttime), or why it hurts
// "only" at night.
func dayNightContrast(ws []string) bool {
	has := func(ws []string, words []string) bool {
		return anyIn(ws, words)
	}
	for i := range ws {
		for _, t := range turns {
			// "I sleep in the day ... and it's still worse when I lie
			// down", "I can garden all afternoon ... and then the
			// lights go off".
			if phraseAt(t, ws[i:]) && has(ws[:i], talk.Words.Daytime) && has(ws[i+len(t):], talk.Words.Nighttime) {
				return true
			}
		}
	}
	for i, w := range ws {
		// "Out walking all day and fine, ... why does it only hurt at
		// night": the night as the only time asks why the night,
		// whatever filled the day (set sAB).
		if w == "only" && whyAsked(ws[:i]) && has(ws[i+1:min(i+4, len(ws))], talk.Words.Nighttime) {
			return true
		}
	}
	for i, w := range ws {
		// "Worse at night, when I'm fine all day on the hill."
		if slices.Contains(talk.Words.Whereas, w) && has(ws[:i], talk.Words.Nighttime) && has(ws[i+1:], talk.Words.Daytime) {
			return true
		}
	}
	return false
}

// phraseIn reports whether one of phrases is said anywhere in ws.
func phraseIn(ws []string, phrases [][]string) bool {
	for i := range ws {
		if slices.ContainsFunc(phrases, func(p []string) bool { return i+len(p) <= len(ws) && phraseAt(p, ws[i:]) }) {
			return true
		}
	}
	return false
}

// ledBy reports whether one of the lead phrases ends right before the
// words at i, or one word before them when that word may stand between
// ("does that mean it's inflammation", "mean it's an inflammation").
func ledBy(ws []string, i int, leads [][]string, between func(w string) bool) bool {
	for _, p := range leads {
		if at := i - len(p); at >= 0 && phraseAt(p, ws[at:]) || at >= 1 && phraseAt(p, ws[at-1:]) && between(ws[i-1]) {
			return true
		}
	}
	return false
}

// asksWhyNight reports whether the words ask why, and name the night:
// when every topic they name is ruled out or only reported ("I'm not
// overdoing it, so why are my legs sore at night", "my physio says lying
// still stiffens the hips, is that why it's worse at night"), the night
// is what is asked about.
func asksWhyNight(ws []string) bool {
	return whyAsked(ws) && anyIn(ws, talk.Words.Nighttime)
}

// whyAsked reports whether the words ask why ("why", "how come").
func whyAsked(ws []string) bool {
	return slices.Contains(ws, "why") || cueFits("how come", ws)
}

// namedBy reports whether someone is reported to have named the topic
// at f: a report word shortly before it ("my sister says it's sciatica",
// "her friend thinks it's bursitis").
func namedBy(ws []string, f topicAt) bool {
	at := f.At
	if at >= 2 && ws[at-1] == "like" && slices.Contains([]string{"sounds", "looks", "seems"}, ws[at-2]) {
		// "My friend said it sounds like bursitis."
		at -= 2
	}
	return slices.ContainsFunc(ws[max(0, at-3):at], func(w string) bool { return slices.Contains(talk.Words.Naming, w) })
}

// reports reports whether the doctor named at f said what follows,
// within a word or two ("the doctor once told me").
func reports(ws []string, f topicAt) bool {
	for i := f.At + f.Len; i < len(ws) && i <= f.At+f.Len+2; i++ {
		if slices.Contains(talk.Words.Report, ws[i]) {
			return true
		}
	}
	return false
}

// askedRightAfter returns the condition named right after the last
// asking words in ws, if the last question names one there.
func askedRightAfter(ws []string, found []topicAt) (topicAt, bool) {
	for i := len(ws) - 1; i >= 0; i-- {
		for _, ow := range askOpeners {
			if i+len(ow) > len(ws) || !phraseAt(ow, ws[i:]) {
				continue
			}
			end := i + len(ow)
			for j, f := range found {
				// "could this be the start of osteoarthritis": lead-in
				// words may stand between.
				if f.At >= end && (f.At <= end+1 || f.At <= end+4 && !slices.ContainsFunc(ws[end:f.At], func(w string) bool { return !slices.Contains(talk.Words.LeadIn, w) })) {
					// "could it be my nerves, I mean being anxious":
					// a cause said after the condition says which.
					later := slices.ContainsFunc(found[j+1:], func(g topicAt) bool { return !conditions[g.ID] })
					return f, conditions[f.ID] && !later
				}
			}
		}
	}
	return topicAt{}, false
}

// asksWhoGets reports whether the words ask who gets a condition: "can
// teenagers get arthritis", "can you get a trapped nerve at my age".
func asksWhoGets(ws []string, found []topicAt) bool {
	start := len(ws) - len(pastFillers(ws))
	if start >= len(ws) || !slices.Contains(talk.Words.FirstAsks, ws[start]) {
		return false
	}
	for i := start + 1; i <= start+3 && i < len(ws)-1; i++ {
		if ws[i] != "get" && ws[i] != "gets" {
			continue
		}
		return slices.ContainsFunc(found, func(f topicAt) bool {
			return conditions[f.ID] && (f.At == i+1 || f.At == i+2 && slices.Contains(talk.Words.FirstGlue, ws[i+1]))
		})
	}
	return false
}

// peopleGet returns the cause that describes the people a question asks
// about, "do anxious people get achy muscles", "can stressed folk get
// sore legs" (set sC): it is the cause asked about, not the listener's
// own worry. It returns "" otherwise.
func peopleGet(ws []string, found []topicAt) string {
	start := len(ws) - len(pastFillers(ws))
	if start >= len(ws) || !slices.Contains(talk.Words.FirstAsks, ws[start]) {
		return ""
	}
	for _, f := range found {
		end := f.At + f.Len
		if f.At < start+1 || f.At > start+2 || end >= len(ws) {
			continue
		}
		// "Do side sleepers get more hip pain": the cause's own words
		// name the people (set sD).
		if slices.Contains(talk.Words.PeopleNouns, ws[end-1]) && getsHas(ws[end]) {
			return f.ID
		}
		if end+1 < len(ws) && slices.Contains(talk.Words.People, ws[end]) && getsHas(ws[end+1]) {
			return f.ID
		}
	}
	return ""
}

// partTold returns the words without the verb that tells a part's state,
// before a pain word ("sitting all day and my left calf is painful") or
// when the topic is that state ("my calf is so tense"): the "is" tells, it
// asks nothing, and the calf keeps its safety question (reviews).
// Otherwise it returns ws.
func partTold(ws []string, found []topicAt, topic string) []string {
	for i := 1; i+1 < len(ws); i++ {
		if slices.Contains(talk.Words.PartStates, ws[i]) && feltWord(ws[i+1]) && len(symptom.Read(ws[i-1]).Parts) > 0 {
			return slices.Delete(slices.Clone(ws), i, i+1)
		}
	}
	for _, f := range found {
		if f.ID != topic || f.At < 2 || !slices.Contains(talk.Words.PartStates, ws[f.At-1]) {
			continue
		}
		if len(symptom.Read(ws[f.At-2]).Parts) > 0 {
			return slices.Delete(slices.Clone(ws), f.At-1, f.At)
		}
	}
	return ws
}

// bareAround reports whether a topic's words are all of ws but one word
// before or after them that only qualifies it ("sluggish blood flow?",
// "blood flow problem?": set sI; talk.yaml bare_extras): a felt word is
// never one, so "burning nerves?" stays a complaint.
func bareAround(ws []string, f topicAt) bool {
	extra := len(ws) - f.Len
	switch {
	case extra == 1 && f.At == 0:
		return slices.Contains(talk.Words.BareExtras, ws[len(ws)-1])
	case extra == 1 && f.At == 1:
		// "GP referral?": a doctor before what a doctor does.
		return slices.Contains(talk.Words.BareExtras, ws[0]) || doctorTopics[f.ID] && slices.Contains(talk.Words.Doctors, ws[0])
	}
	return false
}

// askingCue reports whether a word of ws is one of the cues that make a
// sentence ask, not counting a "does" that does a sport ("my daughter
// does karate and her calves ache": told, not asked).
func askingCue(ws, cues []string) bool {
	for i, w := range ws {
		if slices.Contains(cues, w) && !doesSport(ws, i) && !workPlace(ws, i) {
			return true
		}
	}
	return false
}

// workPlace reports whether ws[i] is "work" as where one is ("on my feet
// all day at work"), which asks nothing, as "does it work" does: a new
// sharp pain told after it had been answered as a question about the
// day's routine, with no safety check.
func workPlace(ws []string, i int) bool {
	return ws[i] == "work" && i > 0 && slices.Contains(talk.Words.WorkLeads, ws[i-1])
}

// doesSport reports whether ws[i] is a "do" that does the sport after it,
// said after its subject ("she does karate"); first, it asks ("does
// karate make your calves ache").
func doesSport(ws []string, i int) bool {
	w := ws[i]
	return i > 0 && (w == "do" || w == "does" || w == "did") && i+1 < len(ws) && slices.Contains(talk.Words.Sports, ws[i+1])
}

// getsHas reports whether a word says what people get: "do anxious
// people get", "have", "feel".
func getsHas(w string) bool { return w == "get" || w == "have" || w == "feel" }

// endsAskingWhat reports whether the words end asking what it is.
func endsAskingWhat(ws []string) bool {
	return slices.ContainsFunc(whatEndings, func(e []string) bool {
		return len(ws) > len(e) && slices.Equal(ws[len(ws)-len(e):], e)
	})
}

// askedAfter returns the topic a learner's question puts first, its
// asking word after it: "low potassium can be why I have the cramp",
// "the shoes can make the legs hurt at night?".
func askedAfter(ws []string, found []topicAt) (topicAt, bool) {
	for _, f := range found {
		end := f.At + f.Len
		if end+1 >= len(ws) || !slices.Contains(talk.Words.AfterAsks, ws[end]) {
			continue
		}
		next := ws[end+1]
		if next == "be" && end+2 < len(ws) && slices.Contains(talk.Words.BeWhy, ws[end+2]) ||
			slices.Contains(talk.Words.MakeVerbs, next) {
			return f, true
		}
	}
	return topicAt{}, false
}

// askedFirst returns the topic a question opens by naming: asking words
// within the first few words of the turn, or right before the topic with
// a cause verb after it.
func askedFirst(ws []string, found []topicAt) (topicAt, bool) {
	for _, f := range found {
		// "Training for a marathon, do I need electrolytes": what is
		// needed is asked about.
		if slices.ContainsFunc(needAsks, func(p []string) bool { return f.At >= len(p) && slices.Equal(ws[f.At-len(p):f.At], p) }) {
			return f, true
		}
	}
	for _, f := range found {
		if f.ID == "medicine" || f.ID == "causes" {
			// "Could the tablets be draining me": which tablets the
			// rest of the turn says.
			continue
		}
		i := f.At - 1
		for i >= 0 && f.At-i <= 3 && slices.Contains(talk.Words.FirstGlue, ws[i]) {
			i--
		}
		if i < 0 || !slices.Contains(talk.Words.FirstAsks, ws[i]) {
			continue
		}
		if i+1 == f.At && doesSport(ws, i) {
			// "My daughter does karate": doing the sport, not asking.
			continue
		}
		// The verb may follow a few words on: "can inflammation in the
		// body make your legs ache".
		end := f.At + f.Len
		if c, ok := linkedCause(ws, found, end); ok && conditions[f.ID] {
			return c, true
		}
		// Or the reason is named there: "is poor blood circulation the
		// reason my feet feel cold".
		verb := slices.ContainsFunc(ws[end:min(end+4, len(ws))], func(w string) bool {
			return slices.Contains(talk.Words.CauseVerbs, w) || slices.Contains(talk.Words.Reasons, w)
		})
		// "..., is a nerve being squashed": the turn ends on what it asks.
		if verb || i <= 3 && ws[i] != "is" && ws[i] != "can" || end == len(ws) {
			return f, true
		}
	}
	return topicAt{}, false
}

// linkedCause returns the topic a complaint ending at end is said to come
// from, a few words on: "could my night cramps (actually) be from not
// drinking enough water" asks about the water. A cause is not linked so:
// "is it the stress from the job" asks about the stress.
func linkedCause(ws []string, found []topicAt, end int) (topicAt, bool) {
	for j := end; j < min(end+3, len(ws)); j++ {
		for _, l := range causeLinks {
			if !phraseAt(l, ws[j:]) {
				continue
			}
			after := j + len(l)
			for _, g := range found {
				if g.At >= after && g.At <= after+2 {
					return g, true
				}
			}
		}
	}
	return topicAt{}, false
}

// sportAt reports whether a topic found is a sport named (talk.yaml's
// sports): "tennis", "a game of squash".
func sportAt(ws []string, f topicAt) bool {
	if f.ID != "overuse" {
		return false
	}
	named := ws[f.At : f.At+f.Len]
	return anyIn(named, talk.Words.Sports)
}

// backgroundAsked finds the cause asked about past something told of
// oneself: a medicine someone is on or takes ("I'm on the pill", "she
// takes a statin") or a clot they had ("I had a clot years ago"). Told
// first, that is who they are, and a cause a later question names
// itself is what they ask ("is a firm mattress enough"); but a question
// that names the medicine or the clot again ("could the pill be why",
// "would another clot feel like a cramp"), points back at it ("could
// that be making it worse") or asks about taking it is about it. A
// question asking why, naming no cause, asks about the last cause told
// since ("we just got a memory foam topper, could that be why"), unless
// that is a condition, a complaint of its own ("I've been on
// antihistamines and my restless legs are worse, could that be why"), or
// a doctor, who only said something.
func backgroundAsked(ws []string, found []topicAt) (topicAt, bool) {
	i, q := background(ws, found)
	if i < 0 || q < 0 {
		return topicAt{}, false
	}
	b := found[i]
	if slices.ContainsFunc(found, func(g topicAt) bool { return g.At >= q && (g.ID == b.ID || medicines[g.ID]) }) {
		return topicAt{}, false
	}
	others := slices.DeleteFunc(slices.Clone(found[i+1:]), func(g topicAt) bool { return medicines[g.ID] || g.ID == b.ID })
	// A topic may start with the asking word itself ("will the doctor").
	if j := slices.IndexFunc(others, func(g topicAt) bool { return g.At >= q }); j >= 0 {
		g := others[j]
		// A condition is the complaint, unless named as a thing ("is it
		// more likely a trapped nerve"): past one's age, a pregnancy or
		// one's days ("I'm thirty weeks pregnant, why do my legs cramp at
		// night"), or after a word pointing back at what was told ("could
		// that be making my restless legs worse"). "Is that just normal
		// for pregnancy" names what it asks.
		between := ws[min(q+1, g.At):g.At]
		complaint := conditions[g.ID] && !asThing(ws, g)
		if c, ok := linkedCause(ws, others, g.At+g.Len); ok && complaint {
			// "..., but could my night cramps be from not drinking
			// enough water" asks about the water.
			return c, true
		}
		if complaint && (toldAt(ws, b) || slices.ContainsFunc(between, backToIt)) || slices.ContainsFunc(between, takes) {
			return topicAt{}, false
		}
		return g, true
	}
	// A day told ("I work from home and barely leave the couch, is that
	// why") is what a question pointing back asks about: only a question
	// naming another cause itself leaves it.
	asksWhy := b.ID != "routine" && b.ID != "overuse" && slices.ContainsFunc(ws[q:], func(w string) bool { return w == "why" || w == "from" || slices.Contains(talk.Words.CauseVerbs, w) })
	for j := len(others) - 1; j >= 0 && asksWhy; j-- {
		if g := others[j]; g.At < q && !conditions[g.ID] && !doctorTopics[g.ID] {
			return g, true
		}
	}
	return topicAt{}, false
}

// nightAskedPast reports whether, past a medicine someone is on or a clot
// they had, a question asks about the night or the body clock, naming no
// topic of its own, pointing at none and not asking about taking one.
func nightAskedPast(ws []string, found []topicAt) bool {
	i, q := background(ws, found)
	if i < 0 || q < 0 || !takenAt(ws, found[i]) && !clotHad(ws, found[i]) || slices.ContainsFunc(found, func(g topicAt) bool { return g.At >= q }) {
		return false
	}
	// "Could that be making it worse at night" points back; in "is there a
	// body clock reason that pain gets worse" the "that" asks nothing.
	asked := ws[q:]
	if backToIt(asked[1]) || slices.ContainsFunc(asked, takes) {
		return false
	}
	return cueFits("body clock", asked) || slices.ContainsFunc(asked, func(w string) bool {
		return w == "night" || w == "nighttime" || w == "bedtime" || w == "evening" || w == "evenings"
	})
}

// background finds the first topic told of oneself (a medicine taken, a
// clot had, one's age: takenAt, clotHad, toldAt) and where the first
// question after it starts; -1 for either when there is none.
func background(ws []string, found []topicAt) (i, q int) {
	i = slices.IndexFunc(found, func(f topicAt) bool { return takenAt(ws, f) || clotHad(ws, f) || toldAt(ws, f) })
	if i < 0 {
		return -1, -1
	}
	return i, questionStart(ws, found[i].At+found[i].Len)
}

// backToIt reports whether a word in a question keeps it on what was told
// before: a word pointing back ("could that be making it worse") or taking
// ("can I take an extra one when my legs cramp", "can he take an extra
// one at night" ask about the medicine).
func backToIt(w string) bool {
	return slices.Contains(talk.Words.Pointers, w) || takes(w)
}

// takes reports whether a word asks about taking a medicine.
func takes(w string) bool { return w == "take" || w == "taking" }

// questionStart is where the first question from word from on starts: an
// asking word said before what it asks about ("is a", "could the", "can
// I", "is there"), not one inside a statement ("which my doctor says is fine").
func questionStart(ws []string, from int) int {
	for q := from; q+1 < len(ws); q++ {
		// "I wonder if it's because I hardly move": an indirect question
		// starts where its asking words end (set sAA).
		for _, a := range indirectAsks {
			if phraseAt(a, ws[q:]) {
				return q + len(a) - 1
			}
		}
		// "Why would it be worse later in the day", "have I pinched a
		// nerve" (not "I have a", which tells); "which", "when" and
		// "where" more often tell ("where the mattress sags").
		if ws[q] == "why" || ws[q] == "how" ||
			slices.Contains(talk.Words.Inverted, ws[q]) && slices.Contains(talk.Words.Persons, ws[q+1]) && (q == 0 || !slices.Contains(talk.Words.Subjects, ws[q-1])) {
			return q
		}
		if !slices.Contains(talk.Words.FirstAsks, ws[q]) && ws[q] != "will" && ws[q] != "are" && ws[q] != "should" {
			continue
		}
		// "Could skipping my walks be why": a doing is what is asked of
		// too.
		// "Do aches really get worse at night", "could flimsy footwear
		// be behind it": a plural subject or a describing word, not "I do
		// squats" or "it could be", which tell.
		told := q > 0 && slices.Contains(talk.Words.Subjects, ws[q-1])
		if next := ws[q+1]; slices.Contains(talk.Words.Persons, next) || slices.Contains(talk.Words.Pointers, next) || slices.Contains(determiners, next) || next == "there" ||
			len(next) > 4 && strings.HasSuffix(next, "ing") ||
			ws[q] == "do" && len(next) > 3 && strings.HasSuffix(next, "s") && !told ||
			// "can kids get restless legs", "can men get it": who gets
			// something is asked (set sU).
			!told && q+2 < len(ws) && getsHas(ws[q+2]) && (len(next) > 3 && strings.HasSuffix(next, "s") || next == "children" || slices.Contains(talk.Words.People, next)) ||
			(ws[q] == "could" || ws[q] == "would" || ws[q] == "might") && !told {
			return q
		}
	}
	return -1
}

// whWords open a question whatever follows them.
var whWords = []string{"why", "how", "what", "what's", "whats", "which", "where", "when"}

// determiners open what a question is about: "is a firm mattress",
// "could the classes", "will my doctor".
var determiners = []string{"a", "an", "the", "my", "his", "her", "their", "your", "our", "any"}

// toldAt reports whether the topic at f is one of talk.yaml's background
// causes told plainly of someone before anything is asked: "I'm eighty",
// "she's seven months pregnant", "we drove to Scotland on Friday". Said
// after an asking word ("is it because I'm getting older") it is asked.
func toldAt(ws []string, f topicAt) bool {
	if !backgrounds[f.ID] || slices.ContainsFunc(ws[:f.At], func(w string) bool {
		return slices.Contains(talk.Words.AskStarts, w) || w == "because" || w == "cos" || w == "if" || w == "whether"
	}) {
		return false
	}
	return slices.ContainsFunc(ws[max(0, f.At-3):f.At+1], func(w string) bool { return slices.Contains(talk.Words.Tellers, w) })
}

// asThing reports whether the topic at f is named as a thing, with "a" or
// "an" ("is it a trapped nerve", "have I trapped a nerve"), not told as
// the complaint ("why do my legs cramp").
func asThing(ws []string, f topicAt) bool {
	a := func(w string) bool { return w == "a" || w == "an" }
	return f.At > 0 && a(ws[f.At-1]) || slices.ContainsFunc(ws[f.At:f.At+f.Len], a)
}

// toldOfSelf reports whether the words tell something of oneself that is
// background to a question after them (background).
func toldOfSelf(ws []string) bool {
	i, _ := background(ws, topicsIn(ws))
	return i >= 0
}

// clotHad reports whether the topic at f is a clot someone says they had:
// "I had a clot in my leg two years ago", not "is it possible I had a
// clot".
func clotHad(ws []string, f topicAt) bool {
	if f.ID != "dvt" {
		return false
	}
	k := slices.Index(ws[max(0, f.At-3):f.At], "had")
	if k < 0 {
		return false
	}
	k += max(0, f.At-3)
	// "Had a DVT last year and I'm still on blood thinners" tells it too.
	return k == 0 || slices.Contains(talk.Words.Persons, ws[k-1]) && (k == 1 || !slices.Contains(talk.Words.Question, ws[k-2]) && ws[k-2] != "possible")
}

// takenAt reports whether the topic at f is a medicine (or hormones, as
// in HRT) that someone is said to be on or to take: "I'm on the pill",
// "she takes a statin", "been on water tablets"; or a remedy they use
// ("my neighbour uses a chilli cream", "I rub deep heat into my calves").
func takenAt(ws []string, f topicAt) bool {
	if !medicines[f.ID] && f.ID != "hormones" {
		return false
	}
	for j := f.At - 1; j >= max(0, f.At-3); j-- {
		w := ws[j]
		switch {
		case w == "on":
			// "Low on magnesium" is a lack, not a tablet taken.
			return j == 0 || (ws[j-1] != "low" && ws[j-1] != "short")
		case slices.Contains(talk.Words.RemedyTold, w):
			// "My nan takes a statin": a question says "does she take".
			// "I've taken a paracetamol" tells what was done (set sU).
			return true
		case slices.Contains(talk.Words.RemedyDoing, w):
			// "I've been taking paracetamol", "I keep rubbing deep heat
			// in", not "is it okay taking ibuprofen" (set sAA).
			return j > 0 && slices.Contains(talk.Words.RemedyDoingLeads, ws[j-1])
		case slices.Contains(talk.Words.RemedyDo, w):
			return j > 0 && slices.Contains(talk.Words.Persons, ws[j-1]) && (j < 2 || !slices.Contains(talk.Words.AskStarts, ws[j-2]))
		}
	}
	return false
}

// closedAt returns where the words after the last phrase of talk.yaml's
// closed_off begin, or 0.
func closedAt(ws []string, found []topicAt) int {
	at := 0
	for i := range ws {
		for _, p := range closedOff {
			if i+len(p) <= len(ws) && phraseAt(p, ws[i:]) {
				at = i + len(p)
			}
		}
		for _, p := range closedNext {
			if i+len(p) > len(ws) || !phraseAt(p, ws[i:]) {
				continue
			}
			// "... and neither does a hot water bottle": the thing
			// named next did nothing too.
			end := i + len(p)
			if k := slices.IndexFunc(found, func(f topicAt) bool { return f.At >= end && f.At <= end+2 }); k >= 0 {
				at = max(at, found[k].At+found[k].Len)
			}
		}
	}
	return at
}

// correctedAt is where the words go on after the speaker takes back
// what they said first (talk.yaml's corrections: "or- no, scratch that";
// or a withdrawn lead's "but": "I was going to say the bed but
// actually"), or 0 when nothing is taken back.
func correctedAt(ws []string) int {
	at := 0
	for i := 1; i < len(ws); i++ {
		for _, p := range corrections {
			if phraseAt(p, ws[i:]) {
				at = i + len(p)
			}
		}
	}
	for i := range ws {
		for _, p := range withdrawn {
			if !phraseAt(p, ws[i:]) {
				continue
			}
			if b := slices.Index(ws[i+len(p):], "but"); b >= 0 {
				at = max(at, i+len(p)+b+1)
			}
		}
	}
	return at
}

// corrections and withdrawn are talk.Words.Corrections and Withdrawn,
// split into words.
var (
	corrections = phraseWords(talk.Words.Corrections)
	withdrawn   = phraseWords(talk.Words.Withdrawn)
)

// wornThing reports whether the topic at f is wear said of another
// topic's thing next to it ("worn out slippers", "a mattress that worn
// out"), not tired muscles: the thing is what is asked about.
func wornThing(ws []string, found []topicAt, f topicAt) bool {
	if f.ID != "overuse" || !slices.Contains(talk.Words.Worn, strings.Join(ws[f.At:f.At+f.Len], " ")) {
		return false
	}
	end := f.At + f.Len
	return slices.ContainsFunc(found, func(g topicAt) bool {
		if g.ID == "overuse" {
			return false
		}
		if g.At == end {
			return true
		}
		gEnd := g.At + g.Len
		if gEnd > f.At || f.At-gEnd > 2 {
			return false
		}
		return !slices.ContainsFunc(ws[gEnd:f.At], func(w string) bool { return !slices.Contains(talk.Words.WornBetween, w) })
	})
}

// figureWords are talk.yaml's figures, as words.
var figureWords = phraseWords(talk.Figures)

// phraseWords is each phrase as its words.
func phraseWords(phrases []string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = tokens(p)
	}
	return out
}

// lastAsk is where the last question starts in the words when it names
// a topic itself, not a condition, right after its asking words ("...,
// is the topper to blame"); 0 when there is none after the first word.
// "Is that why my legs cramp" points back, and "or is it all in my head"
// offers another: neither is the question's own topic.
func lastAsk(ws []string, found []topicAt) int {
	for i := len(ws) - 1; i > 0; i-- {
		if ws[i-1] == "or" {
			continue
		}
		for _, ow := range askOpeners {
			if i+len(ow) > len(ws) || !phraseAt(ow, ws[i:]) {
				continue
			}
			end := i + len(ow)
			if end < len(ws) && ws[end] == "why" {
				// "Stressful job, is that why my muscles are tight":
				// what follows "why" is the complaint, pointed back at,
				// for every caller (topicFrom, readTalk's asking).
				continue
			}
			// "is my mattress too soft": the topic's phrase may take in
			// the opener's last word ("my mattress").
			start := end
			if w := ws[end-1]; w == "my" || w == "the" {
				start--
			}
			for end < len(ws) && slices.Contains(talk.Words.Weighing, ws[end]) {
				end++
			}
			// After a determiner, up to two describing words ("those
			// tight old boots").
			within := end + 1
			if end < len(ws) && slices.Contains(talk.Words.Determiners, ws[end]) {
				within = end + 3
			}
			if slices.ContainsFunc(found, func(f topicAt) bool { return f.At >= start && f.At <= within && !conditions[f.ID] }) {
				return i
			}
		}
	}
	return 0
}

// namesOneCause reports whether a last question opens by asking and names
// one cause itself: not a condition felt, a bed where the pain comes ("is
// it normal... in the bed"), tablets, which the story says ("could the
// tablets be draining me"), or a cause after a pointing word ("is that
// why my muscles ache").
func namesOneCause(q []string, fq []topicAt) bool {
	if len(fq) == 0 || !slices.Contains(talk.Words.AskStarts, q[0]) {
		return false
	}
	f := fq[0]
	return !conditions[f.ID] && f.ID != "medicine" && !bedPlace(q, f) &&
		!slices.ContainsFunc(fq, func(g topicAt) bool { return g.ID != f.ID }) &&
		!slices.ContainsFunc(q[:f.At], func(w string) bool { return w != "it" && slices.Contains(talk.Words.Pointers, w) })
}

// toldLonger finds the first topic of the story whose phrase holds the
// words asked, but for a determiner first, when it is longer than they
// are.
func toldLonger(ws []string, found []topicAt, asked []string) (topicAt, bool) {
	// "The sofa" asks again of "my mate's sofa".
	if len(asked) > 1 && slices.Contains(determiners, asked[0]) {
		asked = asked[1:]
	}
	for _, f := range found {
		if f.Len > len(asked) && within(ws, f, asked) {
			return f, true
		}
	}
	return topicAt{}, false
}

// within reports whether the phrase of the topic at f holds the words.
func within(ws []string, f topicAt, words []string) bool {
	for j := f.At; j+len(words) <= f.At+f.Len; j++ {
		if phraseAt(words, ws[j:]) {
			return true
		}
	}
	return false
}

// askedBefore reports whether the question from q names again what an
// earlier, longer phrase said: "kipping on the sofa ..., is it the sofa"
// asks about the sleeping there.
func askedBefore(ws []string, found []topicAt, q int) bool {
	i := slices.IndexFunc(found, func(f topicAt) bool { return f.At >= q })
	if i < 0 {
		return false
	}
	asked := ws[found[i].At : found[i].At+found[i].Len]
	return slices.ContainsFunc(found[:i], func(f topicAt) bool { return within(ws, f, asked) })
}

// definedAt reports whether the words at i are what a question defines or
// names as one's own: they follow "is", "what is", "what's", "what are",
// "is that", "is it", "could I have", "have I got", "I had" (with "a" or
// "an", "a bit of", or "actually" or "exactly", between).
func definedAt(ws []string, i int) bool {
	j := i - 1
	// "what is this hip bursitis": the part before the condition names
	// where it is, and the question still defines it.
	for j >= 0 && (ws[j] == "a" || ws[j] == "an" || ws[j] == "the" || ws[j] == "actually" || ws[j] == "exactly" || ws[j] == "really" || ws[j] == "that" || ws[j] == "this" || ws[j] == "it" || ws[j] == "bit" || ws[j] == "of" || ws[j] == "touch" || ws[j] == "hip" || ws[j] == "knee" || ws[j] == "leg") {
		j--
	}
	if j < 0 {
		return false
	}
	switch ws[j] {
	case "what's", "is", "are", "about", "said", "mentioned", "called", "have", "got", "had", "there's", "get", "be":
		// "can young people get RLS" asks about it too, and "could it
		// be bursitis" names it.
		return true
	}
	return false
}

// namesOnlySkill reports whether every "leg" or "legs" in the words is
// the skill's name, "night legs".
func namesOnlySkill(ws []string) bool {
	named := false
	for i, w := range ws {
		if w != "leg" && w != "legs" {
			continue
		}
		// The skill's name as a recogniser hears it too ("yo nigh legs").
		if i == 0 || !slices.Contains(talk.Words.SkillNight, ws[i-1]) {
			return false
		}
		named = true
	}
	return named
}

// anyCueFits reports whether any of the cues fits the words (cueFits).
func anyCueFits(cues, ws []string) bool {
	return slices.ContainsFunc(cues, func(c string) bool { return cueFits(c, ws) })
}

// cueFits reports whether a cue of talk.yaml fits the words.
func cueFits(cue string, ws []string) bool {
	c := parsedCue(cue)
	if c.anchored && len(ws) > 1 && slices.Contains(talk.Words.Fillers, ws[0]) && cueFits(cue, ws[1:]) {
		// "Oh hello again", "um, say that again": a filler first is
		// no word of the sentence.
		return true
	}
	for i, p := range c.phrases {
		found := false
		for at := 0; at+len(p.words) <= len(ws) && !found; at++ {
			if c.anchored && i == 0 && at > 0 {
				break
			}
			if p.end && at+len(p.words) != len(ws) {
				continue
			}
			found = phraseAt(p.words, ws[at:])
		}
		if !found {
			return false
		}
	}
	return true
}

// cueParts is a cue of talk.yaml read once: cueFits runs for every cue of
// every concept on each turn, and reading the words again each time was
// most of a turn's cost.
type cueParts struct {
	// anchored cues ("^") fit only at the start.
	anchored bool
	// phrases must all be said (" + ").
	phrases []cuePhrase
}

// A cuePhrase is one phrase of a cue: its words, the last ending in "*"
// for a prefix, and whether it must end the sentence ("$").
type cuePhrase struct {
	words []string
	end   bool
}

// parsedCues holds every cue read so far, by its text; cues are the fixed
// strings of talk.yaml and this file, so it stays small.
var parsedCues sync.Map

// parsedCue is the cue's text read into words, once.
func parsedCue(text string) cueParts {
	if c, ok := parsedCues.Load(text); ok {
		return c.(cueParts)
	}
	c := cueParts{anchored: strings.HasPrefix(text, "^")}
	for _, phrase := range strings.Split(strings.TrimPrefix(text, "^"), " + ") {
		body, end := strings.CutSuffix(phrase, "$")
		p := tokens(body)
		if strings.HasSuffix(body, "*") && len(p) > 0 {
			p[len(p)-1] += "*"
		}
		c.phrases = append(c.phrases, cuePhrase{words: p, end: end})
	}
	parsedCues.Store(text, c)
	return c
}

// phraseAt reports whether the words ws begin with the phrase p, a word
// of p ending in "*" standing for any word it begins.
func phraseAt(p, ws []string) bool {
	if len(ws) < len(p) {
		return false
	}
	for j, w := range p {
		if pre, ok := strings.CutSuffix(w, "*"); ok {
			if !strings.HasPrefix(ws[j], pre) {
				return false
			}
		} else if ws[j] != w {
			return false
		}
	}
	return true
}

// The kinds of topic (talk.yaml's kinds), as sets.
var (
	medicines  = setOf(talk.Kinds.Medicines)
	conditions = setOf(talk.Kinds.Conditions)
	drinks     = setOf(talk.Kinds.Drinks)
	// doctorTopics name what a doctor does: they ask on their own, and
	// weighing the skill against a doctor ("should I listen to you or my
	// doctor") asks what the skill is.
	doctorTopics = setOf(talk.Kinds.Doctor)
	crampCauses  = setOf(talk.Kinds.CrampCauses)
	neverInstead = setOf(talk.Kinds.NeverInstead)
	backgrounds  = setOf(talk.Kinds.Background)
	harmed       = setOf(talk.Kinds.Harmed)
	states       = setOf(talk.Kinds.States)
	serious      = setOf(talk.Kinds.Serious)
	settings     = setOf(talk.Kinds.Settings)
)

// setOf makes a set of topic IDs, for the kinds looked up by ID.
func setOf(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// readTalk reads free speech for a talk concept: the intent it belongs to
// and its slots, or "" when it is none (a complaint, or not understood).
func readTalk(text string, rd symptom.Reading, inRoutine bool) (string, map[string]string) {
	// Concepts read the words as said ("what on earth is that" asks to
	// rephrase); questions without the words that only lend force.
	said := tokens(text)
	// "No worries. He was out in the sun all day, reckon he's just dried
	// out?" (set sO).
	if rest := dropPhrases(said, courtesies); len(rest) > 0 {
		said = rest
	}
	ws := plainQuestion(said)
	if len(ws) == 0 {
		return "", nil
	}
	// "Wait, are you medically qualified": a pause said first, then
	// something else to answer, is that something else; a topic only
	// named ("hang on, I need to grab a pillow") is no question.
	if rest := afterPause(ws); len(rest) >= 3 && !pauseGoesOn(rest) {
		// "Wait, flip flops all summer, no support. could it be my
		// shoes": the question may come after what prompted it (set sQ).
		asks := slices.Contains(talk.Words.AskStarts, rest[0]) || asksSomething(strings.Join(rest, " "))
		if in, slots := readTalk(strings.Join(rest, " "), rd, inRoutine); in != "" && in != IntentPause && (in != IntentAskAbout || asks) {
			return in, slots
		}
	}
	// "Thanks. Weird thing is I only notice it once the lights are off,
	// why's that": thanks said as a sentence of its own, then something
	// else to answer, is that something else (set sO).
	thanksFirst := false
	if rest, ok := afterThanks(text); ok {
		if in, slots := readTalk(rest, symptom.Read(rest), inRoutine); in != "" && in != IntentThanks {
			return in, slots
		}
		// "Cheers. Is it the time of day?": thanks, then a question not
		// understood, is no goodbye (review).
		thanksFirst = strings.Contains(rest, "?") || opensAsking(tokens(rest))
	} else if rest, ok := thanksRunOn(text); ok {
		// "Ok thanks, and could it be the tennis": the question about a
		// cause or the night, when it is understood; "thanks, what a
		// relief" and "thanks, do you know what, I feel better" stay
		// thanks (review).
		if in, slots := readTalk(rest, symptom.Read(rest), inRoutine); in == IntentAskAbout || in == IntentWhyNight {
			return in, slots
		}
	}
	// A complaint names a part, or a symptom beyond tiredness: "so tired
	// but I can't drop off" is not one, nor is the back of "going back
	// to sleep".
	parts := slices.DeleteFunc(slices.Clone(rd.Parts), func(p string) bool { return p == "back" && backIsAdverb(ws) })
	if slices.Equal(parts, []string{"leg"}) && namesOnlySkill(ws) {
		// "Hey night legs, you awake?" names the skill, not a leg.
		parts = nil
	}
	// A child named with nothing felt and no part ("one of these
	// computer things my grandson keeps putting in") is no complaint.
	symptomTopic := rd.Topic != "" && rd.Topic != "aches" && (rd.Topic != "child" || len(parts)+len(rd.Sensations) > 0)
	complaint := len(parts) > 0 || symptomTopic
	// What someone lives with (diabetes) is not felt tonight.
	felt := len(rd.Sensations) > 0 || rd.Signed()
	// "If it's bursitis, ice or heat", "say it's the menopause, does it
	// go away": a cause supposed is what is asked about, whatever the
	// rest asks of it (its answer says what to do and when to see a
	// doctor); and "kindly tell what all checks doctor will do for leg
	// pain in night" asks what a doctor does (set sB). Only with no sign
	// told: urgent and emergency signs never get here, but a sign
	// for a doctor within days does ("if it's sciatica, my leg has gone
	// numb"), and its conversation's own safety question must be asked.
	signed := rd.Signed()
	found := topicsIn(ws)
	if !signed {
		if topic := supposedTopic(ws, found); topic != "" {
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if doctorAsked(ws, found, rd.Person != "", len(parts) > 0 && ownPartTold(ws)) {
			return IntentAskAbout, map[string]string{slotTopic: "doctor_visit"}
		}
		if topic := peopleGet(ws, found); topic != "" {
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
	}
	topic := topicFrom(ws, slices.Clone(found))
	q := lastQuestion(text)
	fq := topicsIn(q)
	if changeTold(ws) {
		fq = slices.DeleteFunc(fq, func(f topicAt) bool { return theChange(q, f) })
	}
	if slices.ContainsFunc(found, func(g topicAt) bool { return !familyAsked(ws, g) }) {
		// "..., my dad had terrible circulation, does it run in
		// families?": the last question asks it of the cause named.
		fq = slices.DeleteFunc(fq, func(f topicAt) bool { return familyAsked(q, f) })
	}
	if slices.ContainsFunc(found, func(g topicAt) bool { return conditions[g.ID] && !isFlare(ws, g) }) {
		// "...it was sciatica last year, could it be flaring up
		// again": the flare is the story's condition's (flareAfter).
		fq = slices.DeleteFunc(fq, func(f topicAt) bool { return isFlare(q, f) })
	}
	if q != nil {
		// "When the weather's bad I'm stuck indoors doing nothing. Is
		// not moving about why my legs ache?": the question that ends
		// a story, opening on what it asks about, names it; a bed
		// only named in it ("could that be why my hips are sore when
		// I lie down") is where the pain comes.
		if f, ok := askedFirst(q, fq); ok || len(fq) > 0 && fq[0].At == 0 {
			if !ok {
				f = fq[0]
			}
			topic = topicFrom(q, slices.Clone(fq))
			// "He's been sleeping on the sofa since... Is it the sofa?":
			// the question names again what a longer phrase of the
			// story told, the sleeping there.
			if g, ok := toldLonger(ws, found, q[f.At:f.At+f.Len]); ok {
				topic = g.ID
			}
		} else if f, ok := pointedAt(q, fq); ok {
			// "...and propping them up on a pillow makes it better. Is
			// that to do with my veins?", "Would that be the bursa
			// inflamed?": a last question that points at a cause it
			// names itself asks about it, not the story (set rW); "is
			// that the sofa", after "kipping on my mate's sofa", the
			// sleeping there (set sN).
			topic = f.ID
			if g, ok := toldLonger(ws, found, q[f.At:f.At+f.Len]); ok {
				topic = g.ID
			}
		} else if namesOneCause(q, fq) {
			// "I started a new job as a hairdresser. Could being on my
			// feet for hours make my legs ache": the question's cause,
			// whatever the story told first (sets sK, sM).
			topic = fq[0].ID
		} else if len(fq) == 0 && asksWhyNight(q) && !anyIn(q, talk.Words.Pointers) {
			// "I'm training for a race and my legs are fine on runs but
			// ache in bed. Why does my leg pain only come on at night":
			// a last question that asks why the night, naming no cause
			// and pointing at none, asks why the night (set sK). "I
			// walked miles today, is that why they ache at night"
			// points back at the story.
			topic = ""
		}
	} else if fq := firstQuestion(text); fq != nil {
		// "You reckon it's restless legs? It's every evening on the
		// couch too": a question that names one cause, then words that
		// only add to it, asks about what the question names (set sQ).
		if f := topicsIn(fq); len(f) == 1 {
			topic = f[0].ID
		}
	}
	// A qualifier beside a bare cause only with nothing felt told
	// around it: "my calf hurts, circulation problem?" keeps its safety
	// question (review).
	qualified := len(parts) == 0 && !signed && !anyIn(ws, talk.Words.Hurt)
	if b := bareAsked(text, qualified); b != "" && b != "cramp" && !doctorTopics[b] {
		// "Standing at the till all day, legs like lead by night,
		// blood flow?", "arthritis? at thirty five?": a cause said
		// alone as a question is what is asked about (set rX). A
		// cramp so said is the complaint, and "who's giving me this
		// advice, a gp?" asks who the skill is.
		return IntentAskAbout, map[string]string{slotTopic: b}
	}
	if c, ok := feltConditions[rd.Topic]; ok && (asksWhatThat(said) || whyLast(said, topic)) && !(phraseIn(said, condNames) && asksWhyNight(said)) {
		// "like ants crawling inside them when she watches telly,
		// what's that" asks what the feeling is, not about the telly,
		// whatever else the words name; so does a why said last. The
		// condition named and the night asked ("why are my restless
		// legs worse at night") asks why the night, as on a device.
		return IntentAskAbout, map[string]string{slotTopic: c}
	}
	for ci, c := range talk.Concepts {
		if c.Routine && !inRoutine || c.NoSign && signed || c.Alone && complaint {
			continue
		}
		if !c.fits(said) {
			continue
		}
		// Worry about a condition ("I'm scared it's a clot"), or about
		// legs with nothing felt named ("what if something's wrong with
		// my legs"), is reassured and offered the check; worry with a
		// symptom named is a complaint.
		worry := c.Intent == IntentWorried && (len(parts) == 0 || len(rd.Sensations)+len(rd.Facts) == 0)
		// Sleeplessness with its cause named is answered as such
		// ("wide awake because my hips ache"): cantSleep reads the part.
		sleepless := c.Intent == IntentCantSleep && (rd.Topic == "" || rd.Topic == "aches" || rd.Topic == "hip")
		// Courtesy with a part named and nothing felt ("hang on till I
		// get the dog off my legs", "hello, I need some help with my
		// legs") is the courtesy.
		courtesy := (c.Intent == IntentGreet || c.Intent == IntentThanks) && !felt && topic == "" ||
			// "Wait, let me get a pillow between my knees first": a pause
			// said first, with a thing named and nothing felt.
			c.Intent == IntentPause && afterPause(ws) != nil && !felt ||
			// "Asante sana, that has really helped, the pain is going
			// down now": thanks for an ache that is easing.
			c.Intent == IntentThanks && anyCueFits(talk.Words.Easing, said)
		if plainIntents[c.Intent] && complaint && !c.Complaint && !worry && !sleepless && !courtesy {
			continue
		}
		if (alexa.Builtin(c.Intent) == IntentStop || c.Intent == IntentThanks) && asksWhyNight(said) {
			// "Cheers, why is it worse at night", "why is it worse at
			// night, then", "thanks but why does it only hurt at night":
			// the night asked about is no goodnight, and the question
			// no thanks only (set sAI).
			continue
		}
		if c.Intent == IntentWhyNight && complaint && slices.ContainsFunc(ws, feltWord) && !asksSomething(text) {
			// "my calf hurts, no distractions at night" tells a pain and
			// supposes why: the pain's safety question comes first.
			continue
		}
		if c.Intent == IntentStretches && (betterIf(ws) || asksCause(ws)) && slices.ContainsFunc(found, exercisesNamed(ws)) {
			// "What if I did some breathing exercises before bed, would
			// the tightness ease" asks about what the exercises are for,
			// not for a routine; "give me some relaxation exercises
			// before bed" asks for one (review).
			continue
		}
		if c.Intent == IntentGreet && topic != "" && asksSomething(text) {
			// "Is this the restless legs thing?" asks about restless
			// legs, not whether this is the skill.
			continue
		}
		if c.Intent == IntentThanks && (thanksFirst || (q != nil || strings.Contains(text, "?")) && (topic != "" || laterConcept(ci, said))) {
			// "Thanks. Could the caffeine be dehydrating me", "cheers,
			// weird thing is I only notice it once the lights are off,
			// why's that": thanks said first, then a question, is the
			// question (set sO).
			continue
		}
		if c.Intent == IntentWorried && (topic == "stress" && (slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, "mak") }) || asksSomething(text)) ||
			topic != "" && !feared(topic) && (asksCause(ws) || tagged(ws) || anyCueFits(talk.Words.WorryAbout, ws)) ||
			topic != "" && theirsAsked(ws, found, topic, rd.Person != "" && !ownPain(ws, rd))) {
			// "My mum had arthritis in both hips, am I going the same
			// way" asks about arthritis, her condition asked of mine.
			// "can being anxious make your muscles tight" asks about
			// stress as a cause, not for reassurance, as does "is the
			// worry getting into my legs" (set sU), and "does low
			// potassium cause those cramps, I can't stop thinking about
			// it" about potassium.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentCantSleep && medicines[topic] {
			// "would a paracetamol help me sleep through this" asks about
			// the medicine.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentCantSleep && q != nil && (slices.Contains(q, "why") || cueFits("how come", q) || cueFits("is there a reason", q)) {
			// "...and it keeps me awake. Why would the same pain be so
			// much worse at night?": the story's own question asks
			// why, not for help to sleep (set rW); so does "is there a
			// reason pain feels worse in the dark" (set sU).
			continue
		}
		if c.Intent == IntentCantSleep && len(fq) > 0 {
			// "...now it wakes me up at night, is the joint wearing
			// away?": the story's own question asks about what it
			// names.
			return IntentAskAbout, map[string]string{slotTopic: topicIn(q)}
		}
		if c.Intent == IntentCantSleep && topic != "" && (!conditions[topic] && asksCause(ws) || othersSay(ws) || conditions[topic] && defines(slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return w == "because" }))) {
			// "I can't switch off, could that tension be going into my
			// legs" asks about stress as a cause, and "could an inflamed
			// tendon be why I can't get comfy" about inflammation; "I
			// can't sleep because of my restless legs" is sleeplessness.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if worry && feared(topic) {
			// "I'm scared it's a clot": what a clot is, and the check.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentMemoryCount && medicines[topic] {
			// "how many panadol can I have tonight" asks about the
			// medicine, not the nights kept.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if (c.Intent == IntentMemoryCount || c.Intent == IntentRecall) && topic != "" && !cueFits("how many", ws) && !cueFits("how often", ws) &&
			(anyIn(ws, talk.Words.CauseAsk) ||
				anyCueFits(talk.Words.CauseCues, ws) || !signed && cueFits("never happened before", ws) && onsetBlamed(ws, found, rd)) {
			// "does vaping count? could the nicotine be doing it", "two
			// nights in a row at a wedding, is it from the dancing" and
			// "does tea count, or is that why" ask about a cause, not
			// about the nights kept.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentRecall && topic != "" && namesWhat(ws) {
			// "remind me what cauda equina is" asks what it is, not
			// what was said.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentTriedThat && topic != "" && asksCause(ws) {
			// "could it be my veins not working right" asks about the
			// veins; nothing tried failed.
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
		if c.Intent == IntentTriedThat {
			if id := namedAfterElse(ws, found); id != "" {
				// "My job's easy and my bed's brand new, so what else,
				// am I just dried out": causes ruled out, then the one
				// left named after "what else" is asked about (set sAT).
				return IntentAskAbout, map[string]string{slotTopic: id}
			}
		}
		slots := map[string]string{}
		switch c.Intent {
		case IntentAskAbout:
			if topic == "" {
				continue
			}
			slots[slotTopic] = topic
		case IntentRephrase:
			// "the physio said bursitis, what does that mean" asks
			// about the word, not about what was said.
			if topic != "" || slices.Contains(ws, "why") {
				// "I don't get why it waits till I'm asleep" asks why.
				continue
			}
		case IntentVoiceSoft, IntentVoiceWhisper, IntentVoiceLouder:
			if anyCueFits(talk.Words.Describing, ws) {
				// "My legs, they won't be quiet" tells of the legs.
				continue
			}
		case IntentSwitchPart, IntentStretches:
			if c.Intent == IntentSwitchPart && cueFits("my own", ws) {
				// "She's settled, but now it's my own legs keeping me
				// up": the speaker turns to themself, no part corrected.
				continue
			}
			if c.Intent == IntentSwitchPart && topic != "" && asksSomething(text) {
				// "does gout make the foot hurt more in my toe" asks.
				continue
			}
			if c.Intent == IntentStretches && topic != "" && (defines(ws) || doctorTopics[topic]) {
				// "what will the GP do, just tell me to stretch?" asks
				// about the doctor.
				// "I have to stretch and shift my legs all night, is that
				// RLS" and "is it all the sitting" ask about the topic.
				return IntentAskAbout, map[string]string{slotTopic: topic}
			}
			p := partIn(ws, rd)
			if p != "" {
				slots[slotPart] = p
			} else if c.Intent == IntentSwitchPart && !slices.ContainsFunc(ws, func(w string) bool { return w == "other" || w == "wrong" || w == "left" || w == "right" || w == "both" }) {
				// "actually it's getting worse" corrects nothing; "it's
				// the left one" corrects the side.
				continue
			}
		case IntentWhyNight:
			// "could bad circulation be why it hurts in bed" asks
			// about the cause; "why are my restless legs worse at
			// night" about the night, and so does "in the day I'm on my
			// feet and never notice, but at night ...": what fills the
			// day is the contrast, not the question, unless the
			// question names it ("... is that the stress").
			if topic != "" && (!conditions[topic] || asksCause(ws)) && (!dayNightContrast(ws) || lastAsk(ws, found) > 0) {
				return IntentAskAbout, map[string]string{slotTopic: topic}
			}
			if topic != "" {
				slots[slotTopic] = topic
			}
		case IntentPrevent:
			if medicines[topic] || topic != "" && !conditions[topic] && (asksCause(ws) || anyIn(ws, talk.Words.StopAsks) && !doctorTopics[topic] && !neverInstead[topic]) {
				// "my mother swore by tonic water before bed for
				// cramps, is there anything in that" asks about the
				// remedy, and "sleeping on the couch so I don't wake the
				// baby, could the couch be why" about the couch. A cause
				// named is what to stop: "how do I stop my stress doing
				// this to my legs" is answered with the cause's own
				// practical step, as a device answers it (set sAR).
				return IntentAskAbout, map[string]string{slotTopic: topic}
			}
			if topic != "" {
				slots[slotTopic] = topic
			}
		}
		return c.Intent, slots
	}
	if routineNamed(ws) != "" && len(rd.Sensations)+len(rd.Facts) == 0 {
		// "Bedtime routine", a routine named with nothing felt, asks
		// for it.
		return IntentStretches, nil
	}
	if (topic == "cramp" || topic == "restless_legs") && crampAndRestless(found, rd) && anyCueFits(talk.Words.TellApart, ws) {
		// "How do I tell the jittery legs thing apart from ordinary
		// cramp": the difference is asked, not relief for a cramp.
		return IntentAskAbout, map[string]string{slotTopic: "difference"}
	}
	if topic != "" {
		cues := talk.Words.Question
		if conditions[topic] {
			cues = talk.Words.Defining
		}
		// A guess beside a pain of its own conversation ("my calf is
		// probably cramping from the gym") is the pain, told.
		guess := hedged(ws) && (rd.Topic == "" || rd.Topic == "aches")
		asks := askingCue(partTold(ws, found, topic), cues) || strings.Contains(text, "?") || tagged(ws) || guess || inverted(ws) ||
			// "did I just overdo it at the gym", "was it the gym yesterday",
			// "... now my shins ache, was it the dancing" (set sF; with no
			// sign told, so "ached every night for a week, was it the
			// football" keeps its conversation's safety question)
			startsWith(ws, "did") || startsWith(ws, "was") || !signed && lastAsk(ws, found) > 0 ||
			// "are blocked arteries a cause of leg pain in bed" asks.
			conditions[topic] && asksCause(ws)
		if medicines[topic] && anyIn(ws, talk.Words.Since) {
			// "since my doctor put me on an antidepressant my legs are
			// worse": a medicine blamed is a question about it.
			asks = true
		}
		if conditions[topic] && rd.Topic != "" {
			// "my calf knotted up in a cramp, what do I do" is a
			// complaint; "what is a cramp", "is it sciatica" or
			// "... and my back's achy, trapped nerve?" asks, and so does
			// "can low B12 affect the nerves in your legs", a cause named
			// first.
			_, first := askedFirst(ws, found)
			// "..., can teenagers get restless legs" asks who gets it,
			// last as first (set sN).
			asks = defines(ws) || endsAsking(text, ws, topic) || first || asksWhoGets(ws, found) || q != nil && asksWhoGets(q, fq) || tagged(ws) || askedIndirectly(ws) || asksLast(q) || !signed && namedThenAsked(text, topic) || !signed && theirsAsked(ws, found, topic, rd.Person != "" && !ownPain(ws, rd)) || tellAsked(ws, found)
		}
		if !signed && !conditions[topic] && blamedAfter(ws, found, topic) {
			asks = true
		}
		if !signed && drawnClaim(ws) {
			// "So the training plan's to blame": a conclusion drawn from
			// what was told, put back to the skill (set sAP).
			asks = true
		}
		if !signed && betterIf(ws) {
			// "If I switched to decaf after lunch would my night cramps
			// ease off" asks about the caffeine (set sAP).
			asks = true
		}
		if !conditions[topic] && onlyTopic(ws, topic) {
			// "Electrolytes", "sagging bed": a cause named alone asks
			// about it.
			asks = true
		}
		if !inRoutine && storyTold(ws, found, topic, rd, parts) {
			asks = true
		}
		if anyCueFits(talk.Words.Onsets, ws) || othersSay(ws) || !signed && (confirmPut(ws, rd) || onsetBlamed(ws, found, rd)) {
			// "ever since I was made redundant I'm tense", "it started
			// the week we got the new memory foam mattress" (set sAT):
			// a cause blamed by when it began; "my wife reckons it's my
			// circulation, is she right": someone else's cause put to
			// the skill.
			asks = true
		}
		if asks {
			if topic == "cramp" && slices.Contains(ws, "restless") {
				topic = "difference"
			}
			return IntentAskAbout, map[string]string{slotTopic: topic}
		}
	}
	if topic == "" && (rd.Topic == "" || rd.Topic == "aches") && unnamedCause(ws) {
		// "I was dancing at a wedding for hours, is that why": a cause
		// asked about in words no topic holds is a question, answered
		// with the common causes, not a safety check for a new pain. A
		// conversation's own pain ("my calf's cramping, is that why")
		// still gets its relief first.
		return IntentAskAbout, map[string]string{slotTopic: topicCauses}
	}
	return "", nil
}

// exercisesNamed returns whether a topic found in ws is exercises of a
// kind, named in more than one word ("breathing exercises", "relaxation
// exercises"): the topic's, not a routine asked for. Exercise as the
// day's doing ("some little exercise for my legs") is no such kind.
func exercisesNamed(ws []string) func(topicAt) bool {
	return func(f topicAt) bool {
		return f.Len > 1 && !settings[f.ID] && slices.ContainsFunc(ws[f.At:f.At+f.Len], func(w string) bool { return strings.HasPrefix(w, "exercis") })
	}
}

// crampAndRestless reports whether the words name or tell of both a
// cramp and a restless feeling.
func crampAndRestless(found []topicAt, rd symptom.Reading) bool {
	has := func(topic, sensation string) bool {
		return slices.Contains(rd.Sensations, sensation) || slices.ContainsFunc(found, func(f topicAt) bool { return f.ID == topic })
	}
	return has("cramp", "cramp") && has("restless_legs", "restless")
}

// blamedAfter reports whether the topic is named and straight after it
// said to be doing it, the question's verb left out: "stress doing
// this", "the coffee doing it?" (talk.yaml's blamed_after).
func blamedAfter(ws []string, found []topicAt, topic string) bool {
	for _, f := range found {
		if f.ID != topic {
			continue
		}
		rest := ws[f.At+f.Len:]
		if slices.ContainsFunc(blamedWords, func(p []string) bool { return phraseAt(p, rest) }) {
			return true
		}
	}
	return false
}

// storyTold reports whether words only tell of someone and a cause:
// every word is the cause's own, a word that tells who or when, or a
// filler (talk.yaml's story_words), and nothing is felt and no sign or
// risk is read ("I started training for a half marathon three weeks
// ago", "we've had the same mattress for fifteen years", set sAH). That
// is the listener's story so far, not a new pain, so what the cause does
// is the answer. Any other word may be a pain the symptom reader does
// not know ("...and it's murder", "...and I'm in bits": review), so the
// opening's safety check stays. A condition told so ("I've got restless
// legs", read as its conversation's topic) is the complaint, and a
// medicine, a doctor or a test told is something done, with their own
// answers.
func storyTold(ws []string, found []topicAt, topic string, rd symptom.Reading, parts []string) bool {
	if medicines[topic] || doctorTopics[topic] || serious[topic] || len(parts) > 0 || rd.Topic != "" {
		return false
	}
	// The day's exertion, a bed or lying on one side are what the story
	// tells, not a feeling.
	if len(rd.Negated) > 0 || feltBeyondStory(rd) ||
		len(rd.Facts) > 0 && !slices.Equal(rd.Facts, []string{"smoker"}) {
		return false
	}
	if !rd.Self && rd.Person == "" && !anyIn(ws, talk.Words.Tellers) {
		return false
	}
	told := make([]bool, len(ws))
	for _, f := range found {
		for i := f.At; i < f.At+f.Len && i < len(ws); i++ {
			told[i] = true
		}
	}
	for i, w := range ws {
		if _, err := strconv.Atoi(w); err != nil && !told[i] && !slices.Contains(talk.Words.StoryWords, w) {
			return false
		}
	}
	return wordsLevel(rd) == triage.SelfCare
}

// anyIn reports whether any of the words is one of list.
func anyIn(ws, list []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(list, w) })
}

// storySettings are the symptom reader's sensations that a story tells
// as where or what was done, nothing felt.
var storySettings = []string{"exertion", "bedding", "side_lying", "heavy_day", "lifting"}

// feltBeyondStory reports whether the reading finds a sensation that is
// felt, not one of storySettings.
func feltBeyondStory(rd symptom.Reading) bool {
	return slices.ContainsFunc(rd.Sensations, func(s string) bool { return !slices.Contains(storySettings, s) })
}

// courtesies are talk.Words.Courtesies, split into words.
var courtesies = phraseWords(talk.Words.Courtesies)

// dropPhrases returns the words without the phrases.
func dropPhrases(ws []string, phrases [][]string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if j := slices.IndexFunc(phrases, func(p []string) bool { return len(p) <= len(ws)-i && phraseAt(p, ws[i:]) }); j >= 0 {
			i += len(phrases[j]) - 1
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// laterConcept reports whether a talk concept after the i'th, other than
// courtesy, fits the words, or they ask whether something said is the
// cause ("ta, played a full game of footy, would that be it").
func laterConcept(i int, ws []string) bool {
	return slices.ContainsFunc(talk.Concepts[i+1:], func(c talkConcept) bool {
		return c.Intent != IntentThanks && c.Intent != IntentGreet && c.fits(ws)
	}) || unnamedCause(ws)
}

// topicCauses is the talk topic that names the common causes of night
// leg pain, for a cause asked about in words no topic holds.
const topicCauses = "causes"

// namesWhat reports whether the words ask what a thing they name is,
// with the verb after it: "what cauda equina is", "what sciatica means".
func namesWhat(ws []string) bool {
	w := slices.Index(ws, "what")
	if w < 0 {
		return false
	}
	for _, f := range topicsIn(ws) {
		if end := f.At + f.Len; f.At > w && end < len(ws) && slices.Contains(talk.Words.IsMeans, ws[end]) {
			return true
		}
	}
	return false
}

// plainQuestion drops the words that only lend a question force ("what
// the heck is a charley horse", "why on earth"), so the question reads
// as it would without them.
func plainQuestion(ws []string) []string {
	for _, in := range intensifiers {
		for i := 1; i+len(in) <= len(ws); i++ {
			if slices.Contains(talk.Words.AskStarts, ws[i-1]) && slices.Equal(ws[i:i+len(in)], in) {
				ws = slices.Delete(slices.Clone(ws), i, i+len(in))
			}
		}
	}
	return ws
}

// pastFillers returns the words after any talk.Words.Fillers they open
// with ("um, well, is it my bed"), keeping at least the last word.
func pastFillers(ws []string) []string {
	for len(ws) > 1 && slices.Contains(talk.Words.Fillers, ws[0]) {
		ws = ws[1:]
	}
	return ws
}

// startsWith reports whether the words, after any talk.Words.Fillers, start with w.
func startsWith(ws []string, w string) bool {
	ws = pastFillers(ws)
	return len(ws) > 0 && ws[0] == w
}

// opensAsking reports whether the words open by asking: why, what, how
// and the like, or an asking word before a subject (questionStart).
func opensAsking(ws []string) bool {
	return len(ws) >= 2 && (slices.Contains(whWords, ws[0]) || questionStart(ws[:min(3, len(ws))], 0) == 0)
}

// lastQuestion is the words of the question that ends a story, after
// the story's own sentences ("... now I see them on my legs too. Are they
// making my legs ache at night?"), fillers dropped; nil when the words
// are one sentence or end in no question.
//
// A recogniser may leave the last question mark off ("... on a camp
// bed. would a pillow under it help"): then only a last sentence that
// opens with why, how or what, or by asking of something ("would a",
// "is the", "can your", "could skipping") is a question; "Could be my
// age as well" and "My GP will review them next week" tell.
func lastQuestion(text string) []string {
	text = strings.TrimSpace(text)
	marked := strings.HasSuffix(text, "?")
	last := strings.TrimRight(text, "?.! ")
	i := strings.LastIndexAny(last, ".?!")
	opens := opensAsking
	if i < 0 || !marked {
		// "..., she's thirty four weeks along, is it simply the
		// pregnancy": without a question mark, a last clause after a
		// comma that asks yes or no is the story's question (set sN);
		// not one pointing back ("stressful job, is that why my muscles
		// are tight" asks of the story) unless it names what it points
		// at ("..., does that sound like restless legs": set sO), nor a
		// why after something told of oneself ("I'm eighty, why do my
		// legs ache at night": review).
		if j := strings.LastIndex(last, ","); j > i {
			named := func(ws []string) bool {
				_, ok := pointedAt(ws, topicsIn(ws))
				return ok && slices.Contains(talk.Words.Likeness, ws[2])
			}
			if ws := pastFillers(tokens(last[j+1:])); len(ws) >= 3 && opens(ws) && (ws[1] == "it" || !slices.Contains(talk.Words.Pointers, ws[1]) || named(ws)) &&
				(!slices.Contains(whWords, ws[0]) || !toldOfSelf(tokens(last[:j]))) {
				return ws
			}
		}
	}
	if i < 0 {
		return nil
	}
	ws := tokens(last[i+1:])
	ws = pastFillers(ws)
	if len(ws) < 3 {
		return nil
	}
	if !marked {
		if !opens(ws) {
			return nil
		}
		return ws
	}
	// "It can be inflammation of the joint?": a learner's question may
	// put its asking word after the first words.
	if !slices.Contains(talk.Words.AskStarts, ws[0]) && !slices.ContainsFunc(ws[1:min(4, len(ws))], func(w string) bool { return slices.Contains(talk.Words.AfterAsks, w) }) {
		return nil
	}
	return ws
}

// asksLast reports whether a story's last question (lastQuestion's
// words) is a yes-or-no question of its own about a cause. A question for help ("Can you help?",
// "Is there anything I can do?") asks about no cause, nor does "is it
// going to get better?".
func asksLast(ws []string) bool {
	if ws == nil {
		return false
	}
	// The asking word: first, or after a learner's first words ("it can
	// be inflammation of the joint?").
	k := 0
	if !slices.Contains(talk.Words.LastAsks, ws[0]) {
		k = slices.IndexFunc(ws[1:min(4, len(ws))], func(w string) bool { return slices.Contains(talk.Words.AfterAsks, w) }) + 1
	}
	if k+1 >= len(ws) || slices.Contains(talk.Words.HelpAsks, ws[k+1]) {
		return false
	}
	return len(topicsIn(ws)) > 0 || slices.ContainsFunc(ws[k+1:], func(w string) bool {
		return w != "be" && w != "go" && w != "do" && w != "have" && slices.Contains(talk.Words.CauseVerbs, w) || w == "why" || w == "behind"
	})
}

// endsAsking reports whether text ends by asking about the topic named
// last, as in "trapped nerve?". Only the console hears the question
// mark; a device needs words that ask.
func endsAsking(text string, ws []string, topic string) bool {
	if !strings.HasSuffix(strings.TrimSpace(text), "?") {
		return false
	}
	found := topicsIn(ws)
	if len(found) == 0 || found[len(found)-1].ID != topic {
		return false
	}
	// Only the topic's own words after it: "trapped nerve?", not
	// "a trapped nerve, what should I do?"; or where it is, "trapped
	// nerve in my hip?".
	f := found[len(found)-1]
	rest := ws[f.At+f.Len:]
	if len(rest) > 0 && len(rest) <= 3 && (rest[0] == "in" || rest[0] == "on") {
		return true
	}
	// What from: "gout from the steak?" (set sS). Where the pain goes
	// ("sciatica down the leg?") and "again" tell the complaint, which
	// keeps its safety question (review; set sI's review).
	if len(rest) > 0 && len(rest) <= 3 && rest[0] == "from" {
		return true
	}
	return topicWords[strings.Join(ws[f.At:], " ")] == topic
}

// onlyTopic reports whether the words, after any fillers, are only a
// phrase of the topic.
func onlyTopic(ws []string, topic string) bool {
	ws = pastFillers(ws)
	if len(ws) > 0 && topicWords[strings.Join(ws, " ")] == topic {
		return true
	}
	// "Lifting boxes all day", "the beers last night": a cause and when,
	// nothing felt (set sS).
	for _, p := range bareTimes {
		if len(ws) > len(p) && slices.Equal(ws[len(ws)-len(p):], p) {
			ws = ws[:len(ws)-len(p)]
			break
		}
	}
	// "The divorce stress": every word one of the topic's phrases.
	n := 0
	for _, f := range topicsIn(ws) {
		if f.ID != topic {
			return false
		}
		n += f.Len
	}
	return n > 0 && n == len(ws)
}

// bareTimes are talk.Words.BareTimes, split into words.
var bareTimes = phraseWords(talk.Words.BareTimes)

// tagged reports whether the words end on a question tag that makes a
// statement a question, as in "it's the wine, isn't it" or "new mattress,
// hips sore, that it"; the ending is heard on a device too, where no
// question mark is.
func tagged(ws []string) bool { return tagAt(ws) >= 0 }

// tagAt is where a question tag ending the words starts, or -1.
func tagAt(ws []string) int {
	for _, e := range tagEndings {
		if len(ws) > len(e) && slices.Equal(ws[len(ws)-len(e):], e) {
			at := len(ws) - len(e)
			if e[0] == "right" && slices.Contains(talk.Words.NotTagRight, ws[at-1]) {
				// "my calf, the right", "it's not right": a side, or
				// how it feels.
				continue
			}
			return at
		}
	}
	return -1
}

// hedged reports whether the words put a cause forward as a guess, or
// ask about it indirectly: "perhaps the worrying's doing it", "I bet it's
// just poor circulation", "I'd like to know if it's my veins".
func hedged(ws []string) bool {
	return anyCueFits(talk.Words.Hedges, ws) || askedIndirectly(ws)
}

// askedIndirectly reports whether the words ask by saying what the
// listener wants to know: "I'd like to know if it's poor circulation".
func askedIndirectly(ws []string) bool {
	return anyCueFits(talk.Words.IndirectAsks, ws)
}

// othersSay reports whether the words put someone else's view to the
// skill: "my wife reckons", "is she right", "are they right".
func othersSay(ws []string) bool {
	if anyCueFits(talk.Words.Sayings, ws) {
		return true
	}
	for i, w := range ws {
		// "Could she be right", "would he be right" put it too.
		if w == "reckons" || w == "right" && i >= 2 && (ws[i-2] == "is" || ws[i-2] == "are") && ws[i-1] != "it" ||
			w == "right" && i >= 2 && ws[i-1] == "be" && slices.Contains([]string{"she", "he", "they"}, ws[i-2]) {
			return true
		}
	}
	return false
}

// confirmPut reports whether the words put a claim for confirming ("am I
// right in thinking ...", talk.yaml's confirms) with no pain of the
// listener's own told: a pain told beside it keeps its safety question.
func confirmPut(ws []string, rd symptom.Reading) bool {
	return anyCueFits(talk.Words.Confirms, ws) && !ownPain(ws, rd)
}

// ownPain reports whether the words tell a pain, or a part, of the
// listener's own: a part named with "my" ("my calf", "me leg", "my
// veins"), or any part the symptom reader finds with a pain felt in it
// ("the big toe on the left is killing me tonight", "both knees started
// throbbing", review), unless every part is said of anyone ("bursitis
// makes your hip hurt when you lie on it").
func ownPain(ws []string, rd symptom.Reading) bool {
	if ownPartTold(ws) {
		return true
	}
	if len(rd.Parts) == 0 || !slices.ContainsFunc(rd.Sensations, func(s string) bool { return slices.Contains(talk.Words.PainFelt, s) }) {
		return false
	}
	for i, w := range ws {
		if _, ok := partWords[w]; ok && !(i > 0 && ws[i-1] == "your" || i > 1 && ws[i-2] == "your") {
			return true
		}
	}
	// A part the reader knows that partWords does not ("kneecap",
	// "hamstring"): told, unless "your" is said.
	return !slices.Contains(ws, "your")
}

// ownPartTold reports whether the words name a part of the listener's
// own ("my calf", "my left hip", "me big toe"), as a pain told does; "your
// hip" said of anyone is not.
func ownPartTold(ws []string) bool {
	for i, w := range ws {
		if w != "my" && w != "me" {
			continue
		}
		for j := i + 1; j < min(i+3, len(ws)); j++ {
			if _, ok := partWords[ws[j]]; ok || slices.Contains(talk.Words.OwnParts, ws[j]) {
				return true
			}
		}
	}
	return false
}

// feltConditions are the conversations whose feeling is itself a
// condition someone may ask about ("what's that").
// A cramp is not one: "my calf's knotted, what's that" wants relief.
var feltConditions = map[string]string{"restless": "restless_legs"}

// whyLast reports whether a why said last asks what a feeling is: "my
// legs get this need to move, why" (set sG); not with a medicine or drink
// named, which is what it asks about ("the allergy pill, legs more jumpy,
// why?").
func whyLast(ws []string, topic string) bool {
	return len(ws) > 0 && ws[len(ws)-1] == "why" && !medicines[topic] && !drinks[topic]
}

// asksWhatThat reports whether words ask what the thing described is:
// "what's that", "what is this", "what causes that".
func asksWhatThat(ws []string) bool {
	if len(ws) > 0 && ws[0] == "why" {
		// "Why do my legs need to keep moving?" asks what the feeling
		// is too.
		return true
	}
	if phraseIn(ws, namingAsks) {
		return true
	}
	for i := 0; i+1 < len(ws); i++ {
		last := ws[i+1]
		if (ws[i] == "what's" || ws[i] == "whats") && (last == "that" || last == "this" || last == "behind") {
			// "what's behind that" too.
			return true
		}
		if i+2 < len(ws) && ws[i] == "what" && (ws[i+1] == "is" || ws[i+1] == "causes" || ws[i+1] == "does") && (ws[i+2] == "that" || ws[i+2] == "this" || ws[i+2] == "it" && i+3 == len(ws)) {
			// "..., what is it" last asks it too (set sG).
			return true
		}
		if i+3 < len(ws) && ws[i] == "what" && (ws[i+1] == "could" || ws[i+1] == "might" || ws[i+1] == "would") && (ws[i+2] == "that" || ws[i+2] == "this" || ws[i+2] == "it") && ws[i+3] == "be" {
			// "what could that be"
			return true
		}
		if i+3 < len(ws) && ws[i] == "what" && ws[i+1] == "on" && ws[i+2] == "earth" && (ws[i+3] == "is" || ws[i+3] == "could") {
			// "what on earth is it"
			return true
		}
		if i+3 < len(ws) && ws[i] == "is" && ws[i+1] == "there" && ws[i+2] == "a" && ws[i+3] == "name" {
			// "is there a name for that"
			return true
		}
	}
	return false
}

// backIsAdverb reports whether "back" in the words is a way back, not a
// body part: "going back to sleep", "get back to bed", "coming back".
func backIsAdverb(ws []string) bool {
	for i, w := range ws {
		if w != "back" {
			continue
		}
		if i+1 < len(ws) && (ws[i+1] == "to" || ws[i+1] == "off") {
			continue
		}
		// "I just got back from a long haul flight" (review).
		if i > 0 && slices.Contains([]string{"go", "going", "get", "getting", "got", "come", "coming", "came", "went", "flew", "drove", "drift", "drop", "nod", "settled", "settle", "settling"}, ws[i-1]) {
			continue
		}
		return false
	}
	return true
}

// asksCause reports whether words ask if something is the cause: "could
// it be", "is that why", "was it", "because of", "can X cause", "are
// they connected".
func asksCause(ws []string) bool {
	for i, w := range ws {
		if slices.Contains(talk.Words.CauseAsk, w) {
			return true
		}
		switch w {
		case "be", "connected", "linked", "affect", "affects", "affecting", "maybe", "perhaps":
			return true
		case "is", "was", "would", "do":
			// "would that do it" asks too, and "would the worry do that";
			// so does "do you think I'm overdoing it" (set sU).
			if i+1 < len(ws) && (ws[i+1] == "it" || ws[i+1] == "this" || ws[i+1] == "that") {
				return true
			}
			if i+2 < len(ws) && ws[i+1] == "you" && (ws[i+2] == "think" || ws[i+2] == "reckon") {
				return true
			}
		}
	}
	return false
}

// defines reports whether words ask what a condition is, or whether it is
// the cause: "what is", "is it", "could this be", "does that mean".
func defines(ws []string) bool {
	ws = pastFillers(ws)
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case w == "think" && i > 0 && ws[i-1] == "i" && !slices.Contains(talk.Words.Guessed, next):
			// "I think a cramp's coming on" tells; "do you think" and
			// "I think it's sciatica" ask.
		case slices.Contains(talk.Words.Asking, w):
			// "would that explain it", "is it to blame" ask whether it
			// is the cause.
			return true
		case (w == "can" || w == "would" || w == "will" || w == "does") && slices.ContainsFunc(ws[i+1:min(i+8, len(ws))], func(v string) bool { return v == "give" || v == "make" || v == "makes" }):
			// "can inflamed joints give you this ache", "can poor blood
			// flow make your legs hurt", "would they make my legs ache"
			return true
		case w == "was" && (next == "it" || next == "this" || next == "that"):
			// "was it the bed"
			return true
		case w == "if" && (next == "it's" || next == "its") && i > 0 && slices.Contains(ws[:i], "help"):
			// "would legs up the wall help, if it's circulation" asks
			// about the cause it supposes.
			return true
		case w == "do" && (next == "that" || next == "this") && i >= 2:
			// "can gout do that"
			return true
		case w == "about" && i > 0 && ws[i-1] == "me":
			// "tell me about claudication"
			return true
		case (w == "isn't" || w == "isnt" || w == "innit" || w == "aren't") && i >= len(ws)-2:
			// "it's the veins isn't it": a tag asks.
			return true
		case w == "hereditary" || w == "genetic" || w == "inherited" || w == "inherit" ||
			(w == "run" || w == "runs") && next == "in" && i+2 < len(ws) && strings.HasPrefix(ws[i+2], "famil") || (w == "run" || w == "runs") && next == "in" && i+3 < len(ws) && ws[i+2] == "the" && strings.HasPrefix(ws[i+3], "famil"):
			// "does it run in families", "is it hereditary" ask about it.
			return true
		case w == "sounds" && next == "like":
			// "that sounds like wear and tear arthritis, doesn't it"
			return true
		case w == "looking" && next == "at" && i > 0 && (ws[i-1] == "i" || ws[i-1] == "we"):
			// "am I looking at RLS here", "are we looking at
			// arthritis": what is being faced, asked (set sAE).
			return true
		case (w == "could" || w == "might") && next != "you":
			return true
		case w == "what" && (next == "is" || next == "are"):
			return true
		case w == "what" && (next == "does" || next == "do") && i+2 < len(ws) && ws[i+2] != "i" && ws[i+2] != "you" && slices.Contains(ws[i+3:], "do"):
			// "what does osteoarthritis actually do to a hip"; "what do
			// I do" asks for help.
			return true
		case w == "what" && i > 0 && (ws[i-1] == "me" || ws[i-1] == "explain") && slices.Contains(ws[i+1:], "is"):
			// "can you tell me what hip bursitis is"
			return true
		case i == 0 && (w == "is" || w == "are" || w == "does" || w == "do"):
			// "is arthritis just getting old?"
			return true
		case w == "what" && (next == "actually" || next == "exactly" || next == "really" || next == "even" || next == "on" || next == "precisely") && i+2 < len(ws) && (ws[i+2] == "is" || ws[i+2] == "are"):
			return true
		case (w == "is" || w == "could" || w == "can" || w == "might" || w == "would") && (next == "it" || next == "this" || next == "that"):
			return true
		case w == "have" && next == "i", w == "do" && next == "i" && i+2 < len(ws) && ws[i+2] == "have":
			return true
		}
	}
	return false
}

// partIn is the body part the words name, for a correction or a stretch.
func partIn(ws []string, rd symptom.Reading) string {
	for i, w := range ws {
		switch w {
		case "shin", "shins":
			return "shin"
		case "glutes", "glute", "bum", "bottom":
			if i+1 < len(ws) && ws[i+1] == "of" {
				// "The bottom of my feet": the soles.
				continue
			}
			return "buttock"
		case "arch", "arches", "sole", "soles":
			return "foot"
		case "back":
			// "The back of my leg": the hamstring.
			if i+3 < len(ws)+1 && slices.Contains(ws[i+1:min(i+4, len(ws))], "of") &&
				slices.ContainsFunc(ws[i+1:min(i+5, len(ws))], func(v string) bool { return v == "leg" || v == "thigh" }) {
				return "hamstring"
			}
			if i+1 < len(ws) && ws[i+1] == "of" && slices.ContainsFunc(ws[i+1:min(i+4, len(ws))], func(v string) bool { return v == "knee" || v == "knees" }) {
				// "The back of the knee": the knee, not the back.
				return "knee"
			}
		}
	}
	// The part corrected to is the last one said: "my foot, not my calf".
	for _, p := range rd.Parts {
		if !slices.Contains(ws, "not") {
			return p
		}
	}
	if i := slices.Index(ws, "not"); i > 0 {
		before := symptom.Read(strings.Join(ws[:i], " "))
		if len(before.Parts) > 0 {
			return before.Parts[len(before.Parts)-1]
		}
	}
	if i := slices.Index(ws, "not"); i >= 0 {
		// "Not my leg, my hip": the part after the one denied.
		var named []string
		for _, w := range ws[i+1:] {
			if p, ok := partWords[w]; ok {
				named = append(named, p)
			}
		}
		if len(named) > 1 {
			return named[len(named)-1]
		}
	}
	if len(rd.Parts) > 0 {
		return rd.Parts[0]
	}
	// A part named alone, as a correction is said: "actually it's both
	// feet".
	for _, w := range ws {
		if p, ok := partWords[w]; ok {
			return p
		}
	}
	return ""
}

// partWords name a part without a complaint around it.
var partWords = map[string]string{
	"foot": "foot", "feet": "foot", "heel": "foot", "heels": "foot", "toe": "toes", "toes": "toes",
	"knee": "knee", "knees": "knee", "hip": "hip", "hips": "hip", "calf": "calf", "calves": "calf",
	"thigh": "thigh", "thighs": "thigh", "ankle": "ankle", "ankles": "ankle", "leg": "leg", "legs": "leg",
}

func (s *set) registerTalk(r *router.Router) {
	r.IntentFunc(IntentAskAbout, s.askAbout)
	r.IntentFunc(IntentGreet, func(t *router.Turn) (router.Reply, error) { return s.reply(t, "talk.greet"), nil })
	r.IntentFunc(IntentThanks, s.thanks)
	r.IntentFunc(IntentCantSleep, s.cantSleep)
	r.IntentFunc(IntentWorried, func(t *router.Turn) (router.Reply, error) {
		if id := careText(t, "talk.care.worried.emergency", "talk.care.worried.urgent"); id != "" {
			return s.say(t, id), nil
		}
		return s.offer(t, offerCheck, "talk.worried"), nil
	})
	r.IntentFunc(IntentWhoAreYou, func(t *router.Turn) (router.Reply, error) {
		r := router.Reply{Speech: s.speech(t, "talk.who")}
		if !s.resume(t, &r) {
			r.Question = words(t, s.lib.Get("reprompt.where").Ask)
		}
		return r, nil
	})
	r.IntentFunc(IntentTriedThat, s.triedThat)
	r.IntentFunc(IntentRephrase, s.rephrase)
	r.IntentFunc(IntentSwitchPart, func(t *router.Turn) (router.Reply, error) { return s.switchPart(r, t) })
	r.IntentFunc(IntentStretches, s.stretches)
	r.IntentFunc(IntentMemoryCount, s.memoryCount)
	r.IntentFunc(IntentStopRemembering, s.stopRemembering)
	s.questions[questionCheck] = s.checkAnswer
	s.questions[questionRest] = s.restAnswer
	s.questions[questionStretch] = s.stretchPainAnswer
	s.questions[questionStepPain] = s.stretchPainAnswer
	s.questions[questionSwitchBack] = func(t *router.Turn, q, a string) (router.Reply, error) {
		if a == session.Yes {
			if reply, ok, err := s.routeTo(r, t, "nerve", "buttock"); ok {
				return reply, err
			}
		}
		begin(t, "nerve")
		return s.reply(t, "nerve.relief"), nil
	}

	// Wrapped: the catch-all reads talk first; "say that again" and "hold
	// on" work with no routine under way.
	describe := r.Route(alexa.TypeIntent, IntentDescribe)
	r.IntentFunc(IntentDescribe, func(t *router.Turn) (router.Reply, error) { return s.talkDescribe(r, describe, t) })
	repeat := r.Route(alexa.TypeIntent, IntentRepeat)
	r.IntentFunc(IntentRepeat, func(t *router.Turn) (router.Reply, error) {
		if t.State.Routine != nil || (t.Resumed != nil && t.Resumed.Routine != nil) {
			return repeat.Handle(t)
		}
		if r, ok := s.askQuestionAgain(t); ok {
			return r, nil
		}
		return s.sayAgain(t, "")
	})
	// "Can you say it slower", "go over that again from the start", or
	// "can you go back, I missed that", with no stretch under way, asks
	// for the last answer again (a device sends them to the routine's
	// controls).
	for _, name := range []string{IntentSlower, IntentStartOver, IntentPrevious} {
		control := r.Route(alexa.TypeIntent, name)
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) {
			said := t.State.Answer(answerLast) != "" || (t.Resumed != nil && t.Resumed.Answer(answerLast) != "")
			if t.State.Routine != nil || (t.Resumed != nil && t.Resumed.Routine != nil) || !said {
				return control.Handle(t)
			}
			return s.sayAgain(t, "")
		})
	}
	pause := r.Route(alexa.TypeIntent, IntentPause)
	r.IntentFunc(IntentPause, func(t *router.Turn) (router.Reply, error) {
		first := t.NewSession && t.Resumed == nil
		if t.State.Routine != nil || (!first && t.State.Topic == "" && t.State.Pending == "" && t.State.Answer(answerLast) == "") {
			return pause.Handle(t)
		}
		// Mid-conversation, after any answer ("my legs are stiff after
		// driving ... hold on, dispatch is ringing"), or as the first
		// words of a session ("ask night legs to hold on"): wait,
		// keeping any question asked.
		return router.Reply{Speech: s.speech(t, "talk.wait")}, nil
	})
}

// notCaught are the texts that say a turn was not understood: no answer
// to say again.
var notCaught = map[string]bool{"talk.fallback": true, "fallback": true, "redflags.sorry": true, "redflags.reask": true}

// recordLast wraps every handler so that the last answer can be said
// again: the content lines it was said from, its question's ID and the
// intent (last.go); never its words, as the context is stored.
func (s *set) recordLast(r *router.Router) {
	skip := map[string]bool{IntentRepeat: true, IntentRephrase: true, IntentPause: true}
	for _, name := range r.Intents() {
		if skip[name] {
			continue
		}
		h := r.Route(alexa.TypeIntent, name)
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) {
			reply, err := h.Handle(t)
			// The catch-all hands "say that again" on (t.Intent): a
			// repeat is not an answer to keep.
			// An answer that ends the session is kept too (a question
			// asked in one breath), not a goodbye.
			bye := reply.End && (name == IntentStop || name == IntentCancel || t.Intent == IntentStop || t.Intent == IntentThanks)
			if err == nil && !skip[t.Intent] && !bye && reply.Speech != nil && !reply.Speech.Empty() {
				refs := s.refsOf(t, reply.Speech)
				if len(refs) > 0 && notCaught[refs[0]] {
					// "What does that mean" after "sorry, I didn't
					// catch that" means the advice before it.
					return reply, err
				}
				t.State.SetAnswer(answerLast, strings.Join(refs, ","))
				// The intent that answered: the catch-all hands free
				// speech on to another (t.Intent).
				last := name
				if t.Intent != "" {
					last = t.Intent
				}
				t.State.SetAnswer(answerLastIntent, last)
			}
			return reply, err
		})
	}
}

// recordTold wraps every handler so that a cause the listener tells, in
// whatever turn, is kept for a later question that only points back at it
// (answerTold): the topic's ID, never the words.
func (s *set) recordTold(r *router.Router) {
	for _, name := range r.Intents() {
		h := r.Route(alexa.TypeIntent, name)
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) {
			// Read before the handler, which may rewrite the request;
			// the catch-all hands on through here again, which reads
			// the same words.
			id, out, list := toldTopic(t)
			reply, err := h.Handle(t)
			if err == nil && (len(list) > 0 || out != "") {
				keepTold(t, list, out)
			}
			switch {
			case err != nil:
			case id != "" && id != out:
				t.State.SetAnswer(answerTold, id)
			case out != "" && out == t.State.Answer(answerTold):
				// "It's not the mattress, I've checked": no longer
				// the cause told.
				delete(t.State.Answers, answerTold)
			}
			return reply, err
		})
	}
}

// toldTopic reads a turn for the topic it names as a possible cause,
// and the topic it rules out ("it's not the mattress"), which a cause kept
// from before must not stay: from the words heard, or, on a device, the
// topic and RuledOut slots it kept. The common causes, what a doctor does,
// a cramp (the complaint itself) and a warning sign's condition (triage's,
// never an answer in a complaint's place) are no cause to point back at.
// From the words heard it also returns every cause they tell, in the
// order said, none ruled out: "I've been training for a half marathon",
// then "and my mattress is a bit old too", tell two, for a pick by order
// later (set sAT).
func toldTopic(t *router.Turn) (told, out string, said []string) {
	if t.Text == "" {
		_, told = t.SlotID(slotTopic)
		_, out = t.SlotID(slotRuledOut)
	} else {
		ws := tokens(t.Text)
		found := topicsIn(ws)
		for _, f := range found {
			if deniedAt(ws, f.At) || ruledOut(ws, f) {
				out = f.ID
				break
			}
		}
		for _, f := range slices.SortedFunc(slices.Values(found), func(a, b topicAt) int { return a.At - b.At }) {
			if !deniedAt(ws, f.At) && !ruledOut(ws, f) && toldable(f.ID) && !slices.Contains(said, f.ID) {
				said = append(said, f.ID)
			}
		}
		told = topicFrom(ws, found)
	}
	if !toldable(told) {
		told = ""
	}
	return told, out, said
}

// toldable reports whether a topic told is a cause a later question may
// point back at: not the common causes, a cramp, a doctor's work, or a
// serious condition.
func toldable(id string) bool {
	_, ok := talk.Topics[id]
	return ok && id != topicCauses && id != "cramp" && !doctorTopics[id] && !serious[id] && !neverInstead[id]
}

// keepTold adds the causes told to those told tonight, in the order
// first said, less the one ruled out (answerToldList).
func keepTold(t *router.Turn, told []string, out string) {
	var kept []string
	if was := t.State.Answer(answerToldList); was != "" {
		kept = strings.Split(was, ",")
	}
	for _, id := range told {
		if !slices.Contains(kept, id) {
			kept = append(kept, id)
		}
	}
	kept = slices.DeleteFunc(kept, func(id string) bool { return id == out })
	if len(kept) == 0 {
		delete(t.State.Answers, answerToldList)
		return
	}
	t.State.SetAnswer(answerToldList, strings.Join(kept, ","))
}

// namedAfterElse returns the cause named after "what else" (talk.yaml's
// what_else), not ruled out, or "".
func namedAfterElse(ws []string, found []topicAt) string {
	at := -1
	for i := 0; i < len(ws) && at < 0; i++ {
		for _, p := range whatElse {
			if phraseAt(p, ws[i:]) {
				at = i + len(p)
				break
			}
		}
	}
	if at < 0 {
		return ""
	}
	for _, f := range found {
		if f.At >= at && !deniedAt(ws, f.At) && !ruledOut(ws, f) && !serious[f.ID] && !neverInstead[f.ID] {
			return f.ID
		}
	}
	return ""
}

// whatElse is talk.Words.WhatElse, split into words.
var whatElse = phraseWords(talk.Words.WhatElse)

// ordinalPick returns the cause picked by its order among those told
// together ("is it the first thing then", "the latter, probably"), or "".
func ordinalPick(ws []string, told []string) string {
	if len(told) == 1 && anyCueFits(talk.Words.Ordinals.Which, ws) {
		// "Which of those is it then", the other ruled out since
		// ("I'm not stressed at all"): the one left (set sAT).
		return told[0]
	}
	if len(told) < 2 {
		return ""
	}
	for i, cues := range [][]string{talk.Words.Ordinals.First, talk.Words.Ordinals.Second, talk.Words.Ordinals.Last} {
		if !anyCueFits(cues, ws) {
			continue
		}
		if i == 2 {
			return told[len(told)-1]
		}
		return told[i]
	}
	return ""
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainWords is an SSML fragment's words.
func plainWords(ssml string) string {
	s := tagRE.ReplaceAllString(ssml, " ")
	s = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// talkDescribe reads free speech for talk before the symptom conversations
// take it. Words that sound like a warning sign go straight on.
func (s *set) talkDescribe(r *router.Router, describe router.Handler, t *router.Turn) (router.Reply, error) {
	rd := symptom.Read(t.Text)
	level := wordsLevel(rd)
	if triage.AtLeast(level, triage.Urgent) {
		return describe.Handle(t)
	}
	// Pain said at "Ready?" (the routine paused at its start) counts too:
	// "it hurts my back when I do that".
	if t.State.Routine != nil && t.State.Pending != questionStretch && hurtsNow(t.Text) {
		t.State.Routine.Paused = true
		return s.reply(t, questionStretch), nil
	}
	// "Ow, that's too much" after a step outside a routine (pulling the
	// toes up for a cramp) is that step hurting: ease off, and one
	// safety question, not the fallback; a safety question still waiting
	// is the one asked again. "Too much too soon or", said of running,
	// names a cause: it asks about it (set sQ).
	if t.State.Routine == nil && t.State.Topic != "" && hurtsNow(t.Text) && rd.Topic == "" && len(rd.Parts) == 0 && !asksSomething(t.Text) && !triedFirst(t.Text) && len(topicsIn(tokens(t.Text))) == 0 {
		switch p := t.State.Pending; {
		case strings.HasPrefix(p, dialog.TriagePrefix):
			return s.reply(t, stepEase, p), nil
		default:
			// "Ouch" at "Is it easing?" is the step hurting too.
			return s.reply(t, stepEase, questionStepPain), nil
		}
	}
	if heartAtScreen(t) {
		// "It's my heart" at the first safety question answers it
		// (describe), not a worry to reassure.
		return describe.Handle(t)
	}
	intent, slots := readTalk(t.Text, rd, t.State.Routine != nil)
	if ws := tokens(t.Text); intent == IntentAskAbout && strings.HasPrefix(t.State.Pending, dialog.TriagePrefix) && !asksSomething(t.Text) && storyTold(ws, topicsIn(ws), slots[slotTopic], rd, rd.Parts) {
		// A story told at a safety question is kept (recordTold), and
		// the question waits for its answer, not behind "Shall we carry
		// on", where a no would drop it (review).
		intent = ""
	}
	if intent == IntentAskAbout && rd.Signed() && len(rd.Parts) > 0 && onlyTells(t.Text) {
		// "We moved furniture all day and my back and leg hurt and my
		// leg is numb": a cause told beside a part with a sign, nothing
		// asked, is the complaint, with its safety questions (review of
		// set sBA's mends: the cause's words only name the day).
		intent = ""
	}
	if told := t.State.Answer(answerTold); told != "" && !rd.Signed() && !(strings.HasPrefix(t.State.Pending, dialog.TriagePrefix) && saysAnswer(t.Text)) && whyOfTold(t.Text) {
		// "Would that be why I'm the one waking up with achy hips?"
		// after "my husband likes a really firm bed": the ache is what
		// the cause told before would explain, not a new complaint
		// (set sAG). Urgent words went on above; any other sign told
		// with it ("is that a thing? I've got a fever") is the complaint,
		// with its own questions, and a yes or a no at a safety question
		// ("is that a thing? yes") answers it (review).
		intent, slots = IntentAskAbout, map[string]string{slotTopic: told}
	}
	if list := t.State.Answer(answerToldList); list != "" && !rd.Signed() && len(rd.Parts)+len(rd.Sensations) == 0 && !strings.HasPrefix(t.State.Pending, dialog.TriagePrefix) {
		// "Is it the first thing then?" after "I've been training for
		// a half marathon and my mattress is a bit old too" (set sAT);
		// not with a part or a feeling told ("the first one was bad, my
		// calf is aching"), nor at a safety question, where "the first
		// one, a bit" may answer it (review).
		// A cause named with the pick is the one meant ("the first one,
		// the mattress").
		if ws := tokens(t.Text); len(topicsIn(ws)) == 0 {
			if id := ordinalPick(ws, strings.Split(list, ",")); id != "" {
				intent, slots = IntentAskAbout, map[string]string{slotTopic: id}
			}
		}
	}
	if c, ok := feltConditions[string(t.State.Topic)]; ok && intent != IntentWhyNight && rd.Topic == "" && len(rd.Sensations) == 0 && len(rd.Parts) == 0 {
		if ws := tokens(t.Text); asksWhatThat(ws) && len(topicsIn(ws)) == 0 {
			// "What is it?", "does that sound like something in
			// particular?" after the feeling was told asks what it is
			// (set sAK), as when asked in the same breath.
			intent, slots = IntentAskAbout, map[string]string{slotTopic: c}
		}
	}
	if intent == IntentTriedThat && rd.Answer == session.No && easedAsked(t.State.Pending) {
		// "No, it doesn't do a thing" at "Is it any better now?" answers
		// it: a cramp that never eases needs checking (review).
		intent = ""
	}
	// Who is named is no symptom: "hang on, the baby's crying" names a
	// child under three, and is a pause.
	felt := len(rd.Parts) > 0 || len(rd.Sensations) > 0 ||
		slices.ContainsFunc(rd.Facts, func(f string) bool { return f != "child" && f != "under_3" })
	if intent == "" || !r.Handles(intent) || (level != triage.SelfCare && felt && plainIntents[intent] && intent != IntentWorried && intent != IntentCantSleep) {
		// A sign for a doctor within days ("every night", "I have
		// diabetes") in a question is answered as a question (triage
		// has set the level); with small talk it is a complaint. Worry
		// about it ("is it bad that it happens every night") is
		// answered, with triage's doctor line, and so are nights lost
		// to the legs ("I haven't slept properly in a week").
		return describe.Handle(t)
	}
	if t.Remember != nil {
		// No complaint, but talk ("say that again", "what did I tell
		// you last time"): what is kept may be what it is about.
		t.Remember()
	}
	in := &alexa.Intent{Name: intent, Slots: map[string]alexa.Slot{}}
	for k, v := range slots {
		in.Slots[k] = resolvedSlot(k, v)
	}
	env := alexa.RequestEnvelope{}
	if t.Request != nil {
		env = *t.Request
	}
	env.Request.Intent = in
	t.Request, t.Intent = &env, intent
	return r.Route(alexa.TypeIntent, intent).Handle(t)
}

// onlyTells reports whether text asks nothing: no question mark, no tag,
// hedge or question opened ("have I been pushing too hard"), and no
// asking word; "is" or "are" after a part or a subject tells unless what
// follows opens a question ("my leg is numb" tells, for all its "is";
// "cramps in her calves, is that the pregnancy" asks).
func onlyTells(text string) bool {
	ws := tokens(text)
	if strings.Contains(text, "?") || tagged(ws) || hedged(ws) || inverted(ws) || questionStart(ws, 0) >= 0 ||
		// "Please tell me it's not the mattress" asks too.
		cueFits("tell me", ws) || cueFits("say it's", ws) {
		return false
	}
	for i, w := range ws {
		if w == "think" && i > 0 && ws[i-1] == "you" {
			return false
		}
		if !slices.Contains(talk.Words.Question, w) || w == "ok" || w == "okay" || w == "help" || w == "maybe" || w == "think" {
			continue
		}
		_, part := partWords[ws[max(i-1, 0)]]
		told := (w == "is" || w == "are") && i > 0 && (part || slices.Contains(talk.Words.Subjects, ws[i-1]))
		if told && i+1 < len(ws) {
			next := ws[i+1]
			told = !slices.Contains(talk.Words.Persons, next) && !slices.Contains(talk.Words.Pointers, next) && !slices.Contains(determiners, next) && next != "there"
		}
		if !told {
			return false
		}
	}
	return true
}

// saysAnswer reports whether any word of text is a yes, a no or "not
// sure" on its own ("is that a thing? yes"): at a safety question that is
// the answer, wherever it stands (review).
func saysAnswer(text string) bool {
	return slices.ContainsFunc(tokens(text), func(w string) bool { return symptom.Read(w).Answer != "" })
}

// soundsSerious reports whether words sound like a warning sign: triage
// would ask for care at some level beyond self-care.
func soundsSerious(rd symptom.Reading) bool {
	return triage.AtLeast(wordsLevel(rd), triage.Soon)
}

// wordsLevel is the level triage gives the signs in the words alone.
func wordsLevel(rd symptom.Reading) triage.Level {
	if len(rd.Facts) == 0 {
		return triage.SelfCare
	}
	return triage.Evaluate(rd.Facts).Level
}

// asksSomething reports whether words ask a question ("why does it only
// hurt at night"), not only say that something hurts.
func asksSomething(text string) bool {
	return strings.Contains(text, "?") || slices.ContainsFunc(tokens(text), func(w string) bool {
		return slices.Contains(talk.Words.Question, w) && w != "ok" && w != "okay" && w != "help" && w != "maybe" && w != "think"
	})
}

// triedFirst reports whether words say something was tried before saying
// it still hurts ("tried the pillow thing, still hurts"): the next thing
// to try, not a step hurting now.
func triedFirst(text string) bool {
	ws := tokens(text)
	return slices.ContainsFunc(ws, func(w string) bool { return w == "tried" || w == "already" || w == "done" })
}

// hurtsNow reports whether words said during a stretch say it hurts.
func hurtsNow(text string) bool {
	ws := tokens(text)
	if anyIn(ws, talk.Words.Pleased) {
		return false
	}
	for i, w := range ws {
		// "Wait ah, I need to find some space": "ah" after a word is a
		// particle, as in Singapore English, not a cry.
		if slices.Contains(talk.Words.Hurt, w) && (w != "ah" || i == 0) {
			return true
		}
	}
	return anyCueFits(talk.Words.HurtPhrases, ws)
}

// offer adds to the texts an offer: a routine by ID, or the warning-sign
// check, when it fits within content.MaxWords; otherwise the session stays
// open for what the listener says next.
func (s *set) offer(t *router.Turn, offer string, ids ...string) router.Reply {
	r := s.reply(t, ids...)
	s.addOffer(t, &r, offer)
	return r
}

// offerPending reports whether the question waiting is an offer (a
// routine, the warning-sign check) rather than a question about the pain.
func offerPending(t *router.Turn) bool {
	return t.State.Pending == questionOffer || t.State.Pending == questionCheck
}

// routineOffer is the question that offers the routine named.
func routineOffer(name string) string { return "Want to try " + name + "?" }

// addOffer adds an offer to a reply with no question, when it fits in the
// words left (room).
func (s *set) addOffer(t *router.Turn, r *router.Reply, offer string) {
	if t.State.Pending != "" || r.Question != "" || careStands(t) {
		return
	}
	n := r.Speech.Words()
	switch offer {
	case "":
	case offerCheck:
		if n+s.lib.Get(questionCheck).Words() <= s.room(t) {
			r.Question = words(t, s.lib.Get(questionCheck).Ask)
			t.State.Pending = questionCheck
		}
	default:
		rt, ok := routines.Get(offer)
		q := routineOffer(rt.Name)
		if ok && n+len(strings.Fields(q)) <= s.room(t) {
			t.State.SetAnswer(answerOffered, offer)
			t.State.Pending = questionOffer
			r.Question = q
		}
	}
}

// careStands reports whether care today or an emergency was called for
// tonight, in this conversation or one resumed: then no routine or tip is
// offered, whatever else is asked (review: "so it's the job?" after "I'm
// short of breath and my leg hurts").
func careStands(t *router.Turn) bool {
	return triage.AtLeast(careLevel(t), triage.Urgent)
}

// careText is the content text, emergency or urgent, for the care called
// for tonight, or "" when none was.
func careText(t *router.Turn, emergency, urgent string) string {
	switch l := careLevel(t); {
	case l == triage.Emergency:
		return emergency
	case triage.AtLeast(l, triage.Urgent):
		return urgent
	}
	return ""
}

// careLevel is the highest level called for tonight, in this
// conversation or one resumed, or said again in one resumed: care called
// for at one, said again at two, still stands at three, but no longer
// than careLasts after it was first called for (answerCareAt), so it
// is not said again night after night.
func careLevel(t *router.Turn) session.Level {
	l := session.Level(t.State.Answer(answerCare))
	at := careAt(t.State)
	for _, c := range []*session.Context{t.State, t.Resumed} {
		if c == nil {
			continue
		}
		// Called for in that conversation itself: as old as it is.
		own, when := triage.Higher(c.Level, triage.Evaluate(c.Facts).Level), c.Updated
		if c == t.State {
			when = t.Now
		}
		if triage.AtLeast(own, triage.Urgent) && t.Now.Sub(when) < careLasts {
			l, at = triage.Higher(l, own), earliest(at, when)
		}
		// Said again there: as old as the call it said again.
		if c == t.Resumed && c.Answer(answerCare) != "" {
			if first := careAt(c); !first.IsZero() && t.Now.Sub(first) < careLasts {
				l, at = triage.Higher(l, session.Level(c.Answer(answerCare))), earliest(at, first)
			}
		}
	}
	if triage.AtLeast(l, triage.Urgent) {
		// A resumed conversation is read on this one's first turn only.
		t.State.SetAnswer(answerCare, string(l))
		t.State.SetAnswer(answerCareAt, at.UTC().Format(time.RFC3339))
		if p := t.Resumed; p != nil && t.State.Answer(answerCareFor) == "" {
			whom := p.Answer(answerCareFor)
			if whom == "" {
				whom = subjectOf(p.Subject)
			}
			t.State.SetAnswer(answerCareFor, whom)
		}
	}
	return l
}

// careLasts is how long care called for is said again: as long as a
// conversation is picked up again (the skill's default), from the call.
const careLasts = 3 * time.Hour

// careAt is when the care a context keeps was first called for; zero if
// it keeps none.
func careAt(c *session.Context) time.Time {
	at, err := time.Parse(time.RFC3339, c.Answer(answerCareAt))
	if err != nil {
		return time.Time{}
	}
	return at
}

// earliest is the earlier of two times, a zero one not counted.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

// soonDue reports whether triage will add its "see a doctor in the next
// few days" words to this turn's reply: the level is soon and the
// listener has not been told yet.
func soonDue(t *router.Turn) bool {
	return t.State.Level == triage.Soon && !triage.AtLeast(triage.Level(t.State.Answer(triageTold)), triage.Soon)
}

// room is how many words this turn's reply may speak, question included:
// content.MaxWords, less the words triage will add.
func (s *set) room(t *router.Turn) int {
	n := content.MaxWords
	if soonDue(t) {
		n -= s.lib.Get("triage.soon.doctor").Words()
	}
	return n
}

// sayPart says text id from line from on, as many lines as fit in room
// words; when some are left, it asks whether to say the rest, keeping
// the rest's content lines (answerRest), and reports true.
func (s *set) sayPart(t *router.Turn, id string, from, room int) (router.Reply, bool) {
	lines := s.lib.Get(id).Say
	if from >= len(lines) {
		return router.Reply{Speech: &alexa.SSML{}}, false
	}
	lines = lines[from:]
	count := func(ls []string) int {
		n := 0
		for _, l := range ls {
			n += alexa.CountWords(words(t, l))
		}
		return n
	}
	k := len(lines)
	ask := words(t, s.lib.Get(questionRest).Ask)
	if count(lines) > room && len(lines) > 1 {
		for k = len(lines) - 1; k > 1 && count(lines[:k])+alexa.CountWords(ask) > room; k-- {
		}
	}
	b := &alexa.SSML{}
	for _, l := range lines[:k] {
		b.Say(words(t, l))
	}
	r := router.Reply{Speech: b}
	if k == len(lines) {
		return r, false
	}
	var rest []string
	for i := from + k; i < from+len(lines); i++ {
		rest = append(rest, id+"#"+strconv.Itoa(i))
	}
	t.State.SetAnswer(answerRest, strings.Join(rest, ","))
	t.State.Pending = questionRest
	r.Question = ask
	return r, true
}

// restAnswer takes the answer to "Want the rest?": a yes says the rest
// (and the offer the answer would have made); either way the question
// that was waiting comes back. The rest is said whole: fit cuts it again
// if it is still too long.
func (s *set) restAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	refs := strings.Split(t.State.Answer(answerRest), ",")
	was := t.State.Answer(answerRestWas)
	t.State.SetAnswer(answerRest, "")
	t.State.SetAnswer(answerRestWas, "")
	t.State.Pending = ""
	b := &alexa.SSML{}
	if a != session.Yes || s.sayRefs(t, b, refs) == 0 {
		r := router.Reply{Speech: s.speech(t, "talk.hold.no")}
		// When to call the emergency number is said all the same.
		var must []string
		for _, ref := range refs {
			if id, _, _ := strings.Cut(ref, "#"); slices.Contains(alwaysSaid, id) {
				must = append(must, ref)
			}
		}
		s.sayRefs(t, r.Speech, must)
		if was == restEnd {
			r.End = true
			return r, nil
		}
		t.State.Pending = was
		if !s.resume(t, &r) {
			r.Question = words(t, s.lib.Get("reprompt.where").Ask)
		}
		return r, nil
	}
	r := router.Reply{Speech: b}
	if was == restEnd {
		r.End = true
		return r, nil
	}
	if was != "" {
		// Asked as it was, whatever its length: fit cuts again if need
		// be.
		t.State.Pending = was
		if r.Question = s.questionText(t, was); r.Question == "" {
			s.resume(t, &r)
		}
		return r, nil
	}
	id, _, _ := strings.Cut(refs[len(refs)-1], "#")
	for _, tp := range talk.Topics {
		if tp.Text == id {
			s.addOffer(t, &r, s.topicOffer(t, tp.Offer))
		}
	}
	return r, nil
}

// askAbout answers a question about a medicine, a condition or a cause,
// then asks the question that was waiting, or makes its offer.
func (s *set) askAbout(t *router.Turn) (router.Reply, error) {
	var in *alexa.Intent
	if t.Request != nil {
		in = t.Request.Request.Intent
	}
	_, id := t.SlotID(slotTopic)
	if _, ok := talk.Topics[id]; !ok && in != nil {
		// A device may put the topic's word in a sign slot instead, the
		// two types sharing it ("what's oedema").
		_, id = causeOf(in)
		if id == "" && !careStands(t) {
			// Or keep only the feeling a condition is ("does that
			// sound like the restless thing": "restless"; set sAO);
			// not after care was called for (review).
			id = feltConditions[symptom.ReadKept(keptSigns(in)).Topic]
		}
	}
	if told := t.State.Answer(answerTold); told != "" && (id == topicCauses || id == "" && nothingKept(in) || familyOnly(t, in) && slices.Contains(talk.Words.Inherited, told)) {
		// "Could that be it then?" after "I was sweating buckets in the
		// garden", whatever that turn was answered with, asks about the
		// cause told; so does the question with every word dropped, as
		// a device sends it (AskAboutIntent keeps no asking words, so
		// "is it serious" arrives alike: README, "Left").
		id = told
	}
	if id == "overuse" && in != nil && slices.Contains(talk.Words.Worn, strings.ToLower(in.Slots[slotTopic].Value)) {
		// "Could a mattress that worn out be the cause": wear kept as
		// the topic, beside a thing kept in a sign slot, is the thing's
		// (wornThing on the console).
		if _, other := signTopic(in); other != "" && other != "overuse" {
			id = other
		}
	}
	// A doctor kept as the topic beside a condition in a sign slot is the
	// doctor asked about ("can a doctor test for restless legs", "will
	// the doctor check my iron if I've got restless legs"). causeOf has
	// already taken what a doctor named ("the doctor said I had a touch
	// of arthritis, is that why") where a symptom intent kept it; taking
	// the condition here too lost 6 and gained none over the blind sets'
	// device routes (the twenty-third session).
	tp, ok := talk.Topics[id]
	if !ok {
		return s.notCaught(t)
	}
	was := t.State.Pending
	if was == questionRest || strings.HasPrefix(was, "routine.") {
		was = ""
	}
	if was == questionHold {
		// A second question while one is held keeps the first held
		// (review): "Shall we carry on?" must lead back to it.
		was = t.State.Answer(answerHeld)
	}
	t.State.Pending = ""
	// After care was called for tonight, that care is said first,
	// whatever the cause asked about (review).
	care := &alexa.SSML{}
	if id := careText(t, "talk.care.emergency", "talk.care.urgent"); id != "" {
		for _, line := range s.lib.Get(id).Say {
			care.Say(words(t, line))
		}
	}
	r, cut := s.sayPart(t, tp.Text, 0, s.room(t)-care.Words())
	r.Speech = care.Append(r.Speech)
	switch {
	case cut:
		t.State.SetAnswer(answerRestWas, was)
	case was != "":
		// "Is it easing?" straight after an answer about quinine sounds
		// like more relief steps: the conversation's question waits
		// behind "Shall we carry on where we were?".
		s.holdQuestion(t, was, &r)
	default:
		s.addOffer(t, &r, s.topicOffer(t, tp.Offer))
	}
	return r, nil
}

// familyOnly reports whether the topic asked about was named only by its
// words for running in the family ("might it run in the family?"), which
// restless legs hold: after a cause told that may run in a family ("my
// mum had bad veins too") it is asked of that cause (set sAL), as within
// one sentence (familyAsked).
func familyOnly(t *router.Turn, in *alexa.Intent) bool {
	said := t.Text
	if said == "" && in != nil {
		said = in.Slots[slotTopic].Value
	}
	ws := tokens(said)
	found := topicsIn(ws)
	return len(found) > 0 && !slices.ContainsFunc(found, func(f topicAt) bool { return !familyAsked(ws, f) })
}

// whyOfTold reports whether words open by asking whether something
// pointed back at is why ("and could they be why my legs feel so
// heavy"), naming no topic of their own: what follows is what a cause
// told before would explain. Hedges between the words do not count
// ("would all that do it"), and the pointer may be asked as what it
// would do or be (talk.yaml's told_as: "might that explain it", "would
// those be the problem") or how likely it is ("is that likely?").
func whyOfTold(text string) bool {
	ws := tokens(text)
	if anyCueFits(talk.Words.ToldPointers, ws) {
		// "So not the shoes, what about the other thing I said": what
		// was told, named as such (set sAS).
		return true
	}
	if len(topicsIn(ws)) > 0 {
		return false
	}
	// "Would a drive like that do it?": a thing like that is the thing
	// told, pointed at (set sAN), when nothing follows what it is asked
	// to do but tags ("would a stretch like that do it any good?" asks
	// about the stretch: review).
	if liked := likeThat(ws); len(liked) < len(ws) {
		return strictlyTold(liked)
	}
	plain := slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return slices.Contains(talk.Words.ToldHedges, w) })
	if len(plain) == 2 && pointingAt(plain, 0) && anyIn(ws, talk.Words.ToldLikely) {
		// "Is that likely?": the pointer, asked how likely, is all it
		// asks of; not "is that all", "is it really", or a device's
		// "is this" alone ("is this advice from a doctor").
		return true
	}
	// "Are the two connected": two things told are pointed at as they.
	ws = slices.Clone(plain)
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "the" || ws[i] == "those" || ws[i] == "these") && ws[i+1] == "two" {
			ws = slices.Replace(ws, i, i+2, "they")
		}
	}
	if pointerClaimed(ws, strings.HasSuffix(strings.TrimSpace(text), "?")) {
		return true
	}
	if pointerLast(ws) || strictlyTold(ws) {
		return true
	}
	for q := 0; q < 4 && q+2 < len(ws); q++ {
		if pointingAt(ws, q) {
			// "Would that explain why my thighs ache so much tonight",
			// "might that explain it", "would those be the problem";
			// not "does that do anything" or "does it have to hurt".
			asks := func(rest []string) bool {
				return slices.Contains(talk.Words.BeWhy, rest[0]) || slices.Contains(talk.Words.PointedAs, rest[0]) ||
					slices.ContainsFunc(toldAs, func(p []string) bool { return phraseAt(p, rest) })
			}
			rest := ws[q+2:]
			if asks(rest) || unnamedCause(ws[q:]) || linkedPointer(rest) {
				return true
			}
			// "Would that have caused it", "could that have been
			// the reason": the tense asks the same.
			if (rest[0] == "have" || rest[0] == "has") && len(rest) > 1 {
				rest = rest[1:]
			}
			if (rest[0] == "be" || rest[0] == "been") && len(rest) > 1 {
				rest = rest[1:]
			}
			if len(rest) > 1 && rest[0] != "it" && slices.Contains(talk.Words.Pointers, rest[0]) && slices.Contains(talk.Words.BeWhy, rest[1]) {
				// "Would it be those making them ache" (set sAQ).
				return true
			}
			return asks(rest)
		}
	}
	return false
}

// strictlyTold reports whether the words, hedges dropped, point back and
// ask what the pointer did or is (told_as, thing_asks) with only tags
// after: "would that do it?", "is that a thing, then?".
func strictlyTold(ws []string) bool {
	ws = slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return slices.Contains(talk.Words.ToldHedges, w) })
	for q := 0; q < 3 && q+2 < len(ws); q++ {
		if !pointingAt(ws, q) {
			continue
		}
		rest := ws[q+2:]
		if rest[0] == "have" || rest[0] == "has" || rest[0] == "be" || rest[0] == "been" {
			rest = rest[1:]
		}
		for _, p := range slices.Concat(toldAs, thingAsks) {
			if len(rest) >= len(p) && phraseAt(p, rest) && !slices.ContainsFunc(rest[len(p):], func(w string) bool { return !slices.Contains(talk.Words.ClaimTags, w) }) {
				return true
			}
		}
		return false
	}
	return false
}

// thingAsks are talk.Words.ThingAsks, split into words.
var thingAsks = phraseWords(talk.Words.ThingAsks)

// likeThat returns ws with "a drive like that", "something like that"
// said as the pointer "that".
func likeThat(ws []string) []string {
	for i := 0; i+3 < len(ws); i++ {
		if ws[i] != "a" && ws[i] != "an" && ws[i] != "the" {
			continue
		}
		// One or two words for the thing: "a drive", "a day out".
		for j := i + 2; j <= i+3 && j+1 < len(ws); j++ {
			if ws[j] == "like" && ws[j+1] == "that" {
				return slices.Concat(ws[:i], []string{"that"}, ws[j+2:])
			}
		}
	}
	for i := 0; i+2 < len(ws); i++ {
		if ws[i] == "something" && ws[i+1] == "like" && ws[i+2] == "that" {
			return slices.Concat(ws[:i], []string{"that"}, ws[i+3:])
		}
	}
	return ws
}

// pointerLast reports whether the words, hedges dropped, ask whether it
// is the pointer, which ends them: "is it just that?", "so might it be
// that?", "could it be that then" (set sAN); not "could it be that I'm
// just old", where "that" leads on.
func pointerLast(ws []string) bool {
	for len(ws) > 0 && (ws[0] == "so" || ws[0] == "and" || ws[0] == "but") {
		ws = ws[1:]
	}
	n := len(ws)
	// "Could it be those", "could it be them": things told, such as new
	// boots, pointed at together (set sAR).
	if n < 3 || ws[n-1] != "that" && ws[n-1] != "those" && ws[n-1] != "them" || !slices.Contains(talk.Words.FirstAsks, ws[0]) || ws[1] != "it" {
		return false
	}
	return n == 3 || n == 4 && ws[2] == "be"
}

// pointerClaimed reports whether the words, hedges dropped, claim the
// pointer is the cause and ask it back: "so it's probably just that, is
// it?", "it'll be that, won't it". Only tags may follow the pointer, so
// "it's that bad" and "it's that time again" claim nothing; asked (a
// question mark, as a console's text may keep), the claim alone asks:
// "so that's the culprit?", "so it's that, then?" (set sAN).
func pointerClaimed(ws []string, asked bool) bool {
	for i := 0; i+2 < len(ws) && i < 3; i++ {
		// "That'll be the reason, will it?", "that's the cause, is
		// it": the pointer claimed as what told_as asks, then a tag.
		if !slices.Contains(talk.Words.PointerClaims, ws[i]) {
			continue
		}
		rest := ws[i+1:]
		if rest[0] == "be" {
			rest = rest[1:]
		}
		for _, p := range toldAs {
			if (len(rest) > len(p) || asked && len(rest) == len(p)) && phraseAt(p, rest) && !slices.ContainsFunc(rest[len(p):], func(w string) bool { return !slices.Contains(talk.Words.ClaimTags, w) }) {
				return true
			}
		}
	}
	for i := 0; i+1 < len(ws) && i < 3; i++ {
		if slices.Contains(talk.Words.Claims, ws[i]) && linkedPointer(ws[i+1:]) {
			// "So it's just from all that?", "it's down to that, is
			// it" (set sAO).
			return true
		}
		if !slices.Contains(talk.Words.Claims, ws[i]) || ws[i+1] != "that" {
			continue
		}
		rest := ws[i+2:]
		// Asked, a claim stated ("so it's that?") asks alone; "is that
		// all?" asks nothing of a cause.
		stated := ws[i] != "is" && ws[i] != "be"
		return (len(rest) > 0 || asked && stated) && !slices.ContainsFunc(rest, func(w string) bool { return !slices.Contains(talk.Words.ClaimTags, w) })
	}
	return false
}

// linkedPointer reports whether the words link to a pointer with only
// tags after it (talk.yaml's claim_links): "down to that, do you think",
// "from all that" (hedges dropped before), "because of that then".
func linkedPointer(ws []string) bool {
	for _, p := range claimLinks {
		if !phraseAt(p, ws) || len(ws) == len(p) || !slices.Contains(talk.Words.Pointers, ws[len(p)]) || ws[len(p)] == "it" {
			continue
		}
		return !slices.ContainsFunc(ws[len(p)+1:], func(w string) bool { return !slices.Contains(talk.Words.ClaimTags, w) })
	}
	return false
}

// tellAsked reports whether the words ask how to tell whether it is a
// condition (talk.yaml's tell_asks) and, beside the conditions named, tell
// nothing felt: "how can you tell if you have restless legs", not "how can
// you tell if it's sciatica, my back hurts and it shoots down my leg".
func tellAsked(ws []string, found []topicAt) bool {
	if !anyCueFits(talk.Words.TellAsks, ws) {
		return false
	}
	var rest []string
	for i, w := range ws {
		if !slices.ContainsFunc(found, func(f topicAt) bool { return i >= f.At && i < f.At+f.Len }) {
			rest = append(rest, w)
		}
	}
	rd := symptom.Read(strings.Join(rest, " "))
	return len(rd.Sensations)+len(rd.Parts) == 0 && !rd.Signed()
}

// drawnClaim reports whether the words open on "so" and blame what they
// name (talk.yaml's told_as): "so the training plan's to blame", "so the
// bed's the problem then".
func drawnClaim(ws []string) bool {
	if len(ws) < 3 || ws[0] != "so" {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if slices.ContainsFunc(toldAs, func(p []string) bool { return phraseAt(p, ws[i:]) }) {
			return true
		}
	}
	return false
}

// onsetBlamed reports whether the words tell of a time the pain was not
// there and name a cause after it: "it never used to hurt before we
// swapped to this rock hard mattress", "it never happened before I hit
// sixty" (set sBA). That blames the cause, as "ever since" does. A thing
// named before the time ("I never had cramp like this before") is the
// complaint, and so is a part that hurts: "my calf wasn't this sore
// until I started running" keeps its safety question. So does anything
// felt, a sign denied or a fact told ("it wasn't cold and pale until I
// started sitting all day": the negation reads the sign as denied), and
// a journey ("it wasn't hurting until after the long drive"): a clot
// after travel is ruled out first (review); and a medicine or hormones
// ("it never hurt before I started HRT": a clot risk too, second
// review).
func onsetBlamed(ws []string, found []topicAt, rd symptom.Reading) bool {
	if len(rd.Sensations)+len(rd.Negated)+len(rd.Facts) > 0 {
		return false
	}
	neg := slices.IndexFunc(ws, func(w string) bool { return slices.Contains(talk.Words.NotBefore, w) })
	if neg < 0 {
		return false
	}
	for j := neg + 1; j < len(ws); j++ {
		if slices.Contains(talk.Words.OnsetMarks, ws[j]) {
			return len(symptom.Read(strings.Join(ws[:j], " ")).Parts) == 0 && !anyCueFits(talk.Words.Journeys, ws[j:]) &&
				slices.ContainsFunc(found, func(f topicAt) bool { return f.At > j }) &&
				!slices.ContainsFunc(found, func(f topicAt) bool { return medicines[f.ID] || f.ID == "hormones" })
		}
	}
	return false
}

// betterIf reports whether the words suppose a change the speaker would
// make, then ask whether it would help: "if I stopped stewing over money
// at bedtime would my legs settle down" (talk.yaml's improving).
func betterIf(ws []string) bool {
	ws = pastFillers(ws)
	if len(ws) > 1 && ws[0] == "what" && ws[1] == "if" {
		// "What if I did some breathing exercises before bed, would
		// the tightness ease" (set sAW).
		ws = ws[1:]
	}
	if len(ws) < 4 || ws[0] != "if" && !slices.Contains(talk.Words.Supposing, ws[0]) || !slices.Contains([]string{"i", "we", "i'd", "i've"}, ws[1]) {
		return false
	}
	for i, w := range ws[2:] {
		if w == "would" || w == "will" || w == "could" {
			rest := ws[2+i+1:]
			return anyCueFits(talk.Words.Improving, rest)
		}
	}
	return false
}

// claimLinks are talk.Words.ClaimLinks, split into words.
var claimLinks = phraseWords(talk.Words.ClaimLinks)

// toldAs are talk.Words.ToldAs, split into words, a word ending "*"
// standing for any word it begins ("ache*": "ache's", "aches").
var toldAs = func() [][]string {
	out := make([][]string, len(talk.Words.ToldAs))
	for i, p := range talk.Words.ToldAs {
		out[i] = strings.Fields(p)
	}
	return out
}()

// unnamedCause reports whether the words ask whether something just said
// is the cause (talk.yaml's unnamed_cause: "is that why", "would that
// explain it").
func unnamedCause(ws []string) bool {
	return anyCueFits(talk.UnnamedCause, ws)
}

// nothingKept reports whether an intent arrived with no slot filled.
func nothingKept(in *alexa.Intent) bool {
	if in == nil {
		return true
	}
	for _, sl := range in.Slots {
		if strings.TrimSpace(sl.Value) != "" {
			return false
		}
	}
	return true
}

// topicOffer is the offer a topic's answer makes: its own, or the
// warning-sign check when a clot risk (check_after) or a sign for a doctor
// is known and this session's check has not begun. "My calf is sore since
// my operation, did I overdo it walking" is answered, and the clot's
// questions are one yes away. The routine waits: a stretch is no answer
// to a clot. A check declined in an earlier session tonight is offered
// again: the risk still stands.
func (s *set) topicOffer(t *router.Turn, offer string) string {
	if dialog.Screened(t.State, screenEmergency) != "" {
		return offer
	}
	told := slices.ContainsFunc(talk.CheckAfter, t.State.HasFact) ||
		// Told in a session earlier tonight ("I had a knee operation
		// two weeks ago"), it still counts.
		t.Resumed != nil && slices.ContainsFunc(talk.CheckAfter, t.Resumed.HasFact)
	if t.State.Level == triage.Soon || told {
		return offerCheck
	}
	return offer
}

func (s *set) thanks(t *router.Turn) (router.Reply, error) {
	if t.State.Routine != nil {
		r := router.Reply{Speech: s.speech(t, "talk.thanks.routine")}
		s.resume(t, &r)
		return r, nil
	}
	r := s.say(t, "talk.thanks")
	r.End = true
	return r, nil
}

// cantSleep answers sleeplessness. When the legs or hips are what keeps
// the listener awake, it says what helps them now and offers the
// before-bed routine, with no screening question first: words that sound
// like a warning sign never get here (talkDescribe).
func (s *set) cantSleep(t *router.Turn) (router.Reply, error) {
	rd := symptom.Read(t.Text)
	part := partIn(tokens(t.Text), rd)
	switch {
	case part == "hip" || rd.Topic == "hip":
		begin(t, "hip")
		return s.offer(t, "before-bed", "hip.relief"), nil
	case part != "" || (rd.Topic != "" && rd.Topic != "aches"):
		// Tiredness alone ("so tired but I can't drop off") is no ache.
		begin(t, "aches")
		if soundsSerious(rd) {
			// Nights lost for a week: triage adds its doctor line.
			return s.offer(t, "before-bed", "talk.cant_sleep.nights"), nil
		}
		return s.offer(t, "before-bed", "talk.cant_sleep.pain"), nil
	}
	return s.offer(t, "before-bed", "talk.cant_sleep"), nil
}

// checkAnswer runs the warning-sign check after a yes.
func (s *set) checkAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	if a != session.Yes {
		return s.routineBye(t), nil
	}
	begin(t, TopicSymptom)
	t.State.Step = "screen"
	return s.reply(t, "talk.check.start", screenEmergency), nil
}

// askQuestionAgain asks the question held behind "Shall we carry on?",
// when the words ask for the question ("what was the question?":
// review), and reports whether it did.
func (s *set) askQuestionAgain(t *router.Turn) (router.Reply, bool) {
	if !asksForQuestion(t.Text) || t.State.Pending != questionHold {
		// A question just asked is said again with its answer, as
		// "say that again" says both (issue 11).
		return router.Reply{}, false
	}
	if s.questionText(t, t.State.Answer(answerHeld)) == "" {
		return router.Reply{}, false
	}
	// What a yes to "Shall we carry on?" does.
	r, err := s.holdAnswer(t, questionHold, session.Yes)
	return r, err == nil
}

// easedAsked reports whether the question asks whether the pain has
// eased: those a topic has memory ask again as "has it eased" (the
// cramp's "Is it easing?", "Is it any better now?").
func easedAsked(id string) bool { return memory.Resume.Again[id] == resumeEased }

// resumeEased is the content asking again whether the pain has eased.
const resumeEased = "resume.ask.eased"

// asksForQuestion reports whether words asking for something again ask
// for the question (talk.yaml question_asked).
func asksForQuestion(text string) bool {
	return anyIn(tokens(text), talk.Words.QuestionAsked)
}

// sayAgain says the last answer again, with the question still waiting;
// lead, if set, is said first.
func (s *set) sayAgain(t *router.Turn, lead string) (router.Reply, error) {
	said := &alexa.SSML{}
	last := t.State.Answer(answerLast)
	if last == "" && t.Resumed != nil {
		// A question asked in one breath ends its session; "say that
		// again" opens the next one, and means the answer just said.
		last = t.Resumed.Answer(answerLast)
		// So does a warning sign's answer, which triage gave in place
		// of the conversation's: that is what is said again.
		if said := t.Resumed.Answer(triage.SaidKey); said != "" && triage.AtLeast(t.Resumed.Level, triage.Urgent) {
			last = said
		}
	}
	if s.sayRefs(t, said, strings.Split(last, ",")) == 0 {
		return s.reply(t, "talk.nothing"), nil
	}
	b := &alexa.SSML{}
	n := said.Words()
	if q := alexa.CountWords(s.questionText(t, t.State.Pending)); q > 0 {
		// resume asks the question, or "Shall we carry on?" in its place.
		n += min(q, s.lib.Get(questionHold).Words())
	}
	if lead != "" && n+s.lib.Get(lead).Words() <= s.room(t) {
		// "Okay, once more" only when it fits with the answer.
		b.Append(s.speech(t, lead))
	}
	r := router.Reply{Speech: b.Append(said)}
	s.resume(t, &r)
	return r, nil
}

func (s *set) rephrase(t *router.Turn) (router.Reply, error) {
	if t.State.Routine != nil && !t.State.Routine.Paused {
		// "What?" mid-stretch: the step again, as "repeat" says it.
		return s.repeatRoutineControl(t)
	}
	return s.sayAgain(t, "talk.rephrase")
}

// triedThat gives the next thing to try for the conversation under way.
func (s *set) triedThat(t *router.Turn) (router.Reply, error) {
	triedRoutine := saidLast(t, "talk.tried.routine")
	if t.State.Routine != nil && !triedRoutine {
		// "It's not working" mid-stretch: what else eases it, and the
		// sign that means stop; said again, what comes after it.
		return s.reply(t, "talk.tried.routine"), nil
	}
	topic := t.State.Topic
	// What was tried was prevention: "I've been doing the stretches for a
	// month and still get cramps" with no conversation under way, and
	// stretching "every night for a month" in a cramp's conversation
	// too: a doctor, not the next remedy for tonight.
	ws := tokens(t.Text)
	stretching := slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, "stretch") })
	forWeeks := slices.ContainsFunc(ws, func(w string) bool { return w == "every" || w == "weeks" || w == "month" || w == "months" })
	if stretching && forWeeks ||
		topic == "" && t.Text != "" && (stretching || slices.Contains(ws, "cramps") || symptom.Read(t.Text).Topic == "cramp") {
		return s.reply(t, "talk.tried.prevent"), nil
	}
	// Tried the next thing too: no third remedy to cycle back to, but a
	// doctor, and the check.
	again := t.State.Answer(answerLastIntent) == IntentTriedThat || triedRoutine
	id, ok := talk.Tried[topic]
	// The next thing may be what the conversation itself just said (a
	// cramp not easing gets the second remedy): then that was tried too.
	if ok && saidLast(t, id) {
		again = true
	}
	switch {
	case again:
		id = "talk.tried.again"
	case !ok:
		id = talk.Tried["default"]
		if t.State.Answer(answerLastIntent) == IntentPrevent {
			id = "talk.tried.prevent"
		}
	}
	was := t.State.Pending
	r := s.reply(t, id)
	s.holdTriage(t, was, &r)
	if again {
		s.addOffer(t, &r, offerCheck)
	}
	return r, nil
}

// saidLast reports whether the last answer was said from content text id.
func saidLast(t *router.Turn, id string) bool {
	for _, ref := range strings.Split(t.State.Answer(answerLast), ",") {
		if r, _, _ := strings.Cut(ref, "#"); r == id {
			return true
		}
	}
	return false
}

// switchPart takes a correction: another part, or the other leg, and goes
// on without starting the conversation again. Mid-stretch, "now the other
// leg" is the next step and "my hip instead" that part's stretch. A safety
// question that was waiting is not asked again at once: the answer says
// which part it is now about, and "Shall we carry on where we were?" asks
// it on a yes.
func (s *set) switchPart(r *router.Router, t *router.Turn) (router.Reply, error) {
	if t.State.Routine == nil && !careStands(t) && t.Request != nil {
		// "So it's the job?", with only the cause kept; not after care
		// was called for tonight, when the part switched to hears that
		// care again (review).
		in := claimedCause(t.Request.Request.Intent)
		if in == nil {
			in = switchAsked(t)
		}
		if in != nil {
			env := *t.Request
			env.Request.Intent = in
			t.Request, t.Intent = &env, in.Name
			return s.askAbout(t)
		}
	}
	_, part := t.SlotID(slotPart)
	if part == "" {
		// A device keeps the part corrected to in a sign slot ("the
		// bottom of my feet", "arches", "ankles"): the part is read
		// from the words kept, as from the console's.
		said := switchWords(t)
		part = partIn(tokens(said), symptom.Read(said))
	}
	if t.State.Routine != nil {
		if id := stretchFor[part]; id != "" && id != t.State.Routine.ID {
			return s.beginRoutine(t, id), nil
		}
		return s.routineControl(s.nextRoutineStep)(t)
	}
	if noun := partNoun[string(t.State.Topic)]; noun != "" && (part == "" || part == "leg") && partPhrase(switchWords(t), noun) != "your "+noun {
		part = noun
	}
	was := t.State.Pending
	reply, guided, err := s.switchTo(r, t, part)
	if err != nil || !guided {
		return reply, err
	}
	lead := &alexa.SSML{}
	for _, line := range s.lib.Get("talk.switch.to").Say {
		lead.Say(wordsWith(t, line, map[string]string{"part": partPhrase(switchWords(t), part)}))
	}
	if reply.Speech == nil {
		reply.Speech = &alexa.SSML{}
	}
	// "Okay, your calf." only when it fits: filled with the part's own
	// words it is no content line, so the last step (fit) could not cut
	// an answer that carries it.
	if n := lead.Words() + reply.Speech.Words() + alexa.CountWords(reply.Question); n <= s.room(t) {
		reply.Speech = lead.Append(reply.Speech)
	}
	s.holdTriage(t, was, &reply)
	return reply, nil
}

// holdTriage keeps a safety question that was waiting (was) when the reply
// asks nothing: "Shall we carry on where we were?" asks it on a yes, or,
// when even that would run past the words left, it is held unasked with
// the session open, as resume does.
func (s *set) holdTriage(t *router.Turn, was string, r *router.Reply) {
	if r.Question != "" || !strings.HasPrefix(was, dialog.TriagePrefix) {
		return
	}
	s.holdQuestion(t, was, r)
}

// holdQuestion holds the question that was waiting (was) behind "Shall
// we carry on where we were?", which asks it on a yes; when even that
// would run past the words left, it is held unasked with the session
// open, as resume does.
func (s *set) holdQuestion(t *router.Turn, was string, r *router.Reply) {
	t.State.SetAnswer(answerHeld, was)
	t.State.Pending = questionHold
	if q := words(t, s.lib.Get(questionHold).Ask); r.Speech == nil || r.Speech.Words()+alexa.CountWords(q) <= s.room(t) {
		r.Question = q
	}
}

// switchTo says the guidance for the part corrected to, and whether the
// part had guidance of its own.
func (s *set) switchTo(r *router.Router, t *router.Turn, part string) (reply router.Reply, guided bool, err error) {
	if many := pluralPart[part]; many != "" {
		// The part corrected to is the one answers name from now on,
		// though the correction names the one denied too ("the bottom
		// of my feet, not my ankles").
		ws, said := tokens(switchWords(t)), part
		if side := sideSaid(ws); side != "" {
			said += "." + side
		} else if slices.Contains(ws, many) {
			said += ".many"
		}
		t.State.SetAnswer(answerPartSaid, said)
	}
	switch part {
	case "foot", "toes", "thigh", "hamstring", "calf":
		crampy := t.State.Topic == "cramp" || (t.State.Topic == "" && symptom.Read(t.Text).Topic == "cramp")
		if crampy || (t.State.Topic == "" && part == "calf") {
			if reply, ok, err := s.routeTo(r, t, "cramp", part); ok {
				return reply, true, err
			}
		}
		begin(t, "aches")
		return s.reply(t, "aches.intro"), true, nil
	case "hip":
		begin(t, "hip")
		return s.reply(t, "hip.relief"), true, nil
	case "knee", "ankle", "joint":
		begin(t, "joint")
		return s.reply(t, "joint.relief"), true, nil
	case "back", "buttock":
		return s.reply(t, questionSwitchBack), true, nil
	case "shin":
		return s.reply(t, "talk.switch.shin"), true, nil
	}
	// No part, or one with no guidance of its own ("the left leg"): the
	// same guidance on the side named, or else the other side.
	lead := "talk.switch.other"
	if id := "talk.switch." + sideSaid(tokens(switchWords(t))); s.lib.Has(id) {
		lead = id
	}
	reply, err = s.sayAgain(t, lead)
	return reply, false, err
}

// switchWords are the words a correction said: the text, and the part
// and sign slots as heard ("left leg", "the right one"), since a device
// keeps no text.
func switchWords(t *router.Turn) string {
	if t.Request == nil || t.Request.Request.Intent == nil {
		return t.Text
	}
	// A device keeps the side in a sign slot ("the right one", "both
	// legs really"), apart from the part.
	var kept []string
	for name, s := range t.Request.Request.Intent.Slots {
		if name == slotPart || triage.SignSlot(name) {
			kept = append(kept, s.Value)
		}
	}
	slices.Sort(kept)
	return strings.Join(append([]string{t.Text}, kept...), " ")
}

// partNoun is the part a conversation is about, for a correction that
// names only a side ("it's the right one"): the hip for the hip's.
var partNoun = map[string]string{"hip": "hip", "joint": "knee"}

// partPhrase names the part corrected to as the listener did: "the left
// hip", "both feet", "your knee".
func partPhrase(text, part string) string {
	ws := tokens(text)
	noun := map[string]string{"toes": "toes", "hamstring": "hamstring", "buttock": "buttock", "back": "lower back"}[part]
	if noun == "" {
		noun = part
	}
	switch sideSaid(ws) {
	case "both":
		if p, ok := pluralPart[part]; ok {
			return "both " + p
		}
	case "left":
		return "the left " + noun
	case "right":
		return "the right " + noun
	}
	return "your " + noun
}

// partNamed is the one part the turn names, as an ID for answerPartSaid:
// the part's own word (the listener's "shins" are calves to triage), with
// ".both", ".left", ".right" or ".many" when said so ("shin.many"), or ""
// when it names none, or several.
func partNamed(t *router.Turn) string {
	_, id := t.SlotID(slotPart)
	if id == "" {
		_, id = t.SlotID(slotJoint)
	}
	text := t.Text
	if text == "" && t.Request != nil && t.Request.Request.Intent != nil {
		// As spoken, not as resolved ("knees" resolves to knee), in
		// whichever slots a device kept them ("both shins", in a sign
		// slot of SomeoneIntent).
		var said []string
		for _, s := range t.Request.Request.Intent.Slots {
			said = append(said, s.Value)
		}
		slices.Sort(said)
		text = strings.Join(said, " ")
	}
	ws := tokens(text)
	named := ""
	for one, many := range pluralPart {
		if slices.Contains(ws, one) || slices.Contains(ws, many) {
			if named != "" && named != one {
				return "" // several parts
			}
			named = one
		}
	}
	if named == "" {
		if pluralPart[id] == "" {
			return ""
		}
		named = id
	}
	switch side := sideSaid(ws); {
	case side != "":
		return named + "." + side
	case slices.Contains(ws, pluralPart[named]):
		return named + ".many"
	}
	return named
}

// partSaid is how content's {part} names a part kept by partNamed,
// with your the subject's possessive: "your shins", "the left calf".
func partSaid(id, your string) string {
	part, how, _ := strings.Cut(id, ".")
	switch how {
	case "both":
		return "both " + pluralPart[part]
	case "left", "right":
		return "the " + how + " " + part
	case "many":
		return your + " " + pluralPart[part]
	}
	return your + " " + part
}

// pluralPart is the plural a listener may name a part by ("my shins").
var pluralPart = map[string]string{"foot": "feet", "toe": "toes", "heel": "heels", "sole": "soles", "calf": "calves", "knee": "knees", "hip": "hips", "thigh": "thighs", "ankle": "ankles", "shin": "shins", "leg": "legs", "hamstring": "hamstrings", "buttock": "buttocks"}

// sideSaid is the side a correction names and does not deny ("both",
// "left" or "right"), or "": in "it's the left one, not the right" the
// left. What was meant corrects what was said: "I said right, I meant
// my left hip" is the left.
func sideSaid(ws []string) string {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == "meant" || ws[i] == "mean" {
			if side := sideSaid(ws[i+1:]); side != "" {
				return side
			}
			break
		}
	}
	side := ""
	for i, w := range ws {
		if w != "both" && w != "left" && w != "right" {
			continue
		}
		if slices.Contains(ws[max(0, i-2):i], "not") {
			continue
		}
		if side == "" || side == "both" {
			side = w
		}
	}
	return side
}

// routineNamed is the routine the words name, longest name first, or "".
func routineNamed(ws []string) string {
	for n := min(maxTopicWords, len(ws)); n >= 2; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if id, ok := routineWords[strings.Join(ws[i:i+n], " ")]; ok {
				if _, known := routines.Get(id); known {
					return id
				}
			}
		}
	}
	return ""
}

// stretchFor is the routine that stretches a part.
var stretchFor = map[string]string{
	"calf": "calf-lying", "foot": "calf-lying", "toes": "calf-lying", "leg": "calf-lying",
	"hamstring": "hamstring", "thigh": "hamstring", "knee": "hamstring",
	"hip": "hip-flexor", "buttock": "figure-four", "back": "knee-to-chest", "ankle": "ankle-pumps",
}

// stretches names the routines that fit a part, or lists them all.
func (s *set) stretches(t *router.Turn) (router.Reply, error) {
	if careStands(t) {
		// No stretches tonight after care was called for (review:
		// "what stretches help" after a hot swollen calf).
		return s.beginRoutine(t, routineDefault), nil
	}
	_, part := t.SlotID(slotPart)
	ws := tokens(t.Text)
	if slices.Contains(ws, "long") || slices.Contains(ws, "seconds") {
		// "How long should I hold each one?"
		r := router.Reply{Speech: s.speech(t, "talk.stretch.hold")}
		s.resume(t, &r)
		return r, nil
	}
	id := routineNamed(ws)
	if id == "" && (part == "thigh" && slices.Contains(ws, "front") || slices.ContainsFunc(ws, func(w string) bool { return w == "quad" || w == "quads" || w == "quadriceps" })) {
		// The front of the thigh stretches with the front of the hip.
		id = "hip-flexor"
	}
	if id == "" && slices.ContainsFunc(ws, func(w string) bool {
		return w == "shin" || w == "shins" || w == "feet" || w == "arch" || w == "arches" || w == "soles"
	}) && symptom.Read(t.Text).Topic != "cramp" {
		// Pointing and flexing the feet stretches the shins, the
		// arches and the ankles alike; a cramping foot wants its toes
		// drawn up, as the calf stretch does.
		id = "ankle-pumps"
	}
	if id == "" && (slices.Contains(ws, "routine") || slices.Contains(ws, "works")) {
		// A whole routine, not one stretch: the before-bed one.
		id = "before-bed"
	}
	if id == "" {
		id = stretchFor[part]
	}
	if id == "" && (slices.Contains(ws, "bed") || slices.Contains(ws, "lying")) {
		// A stretch without getting up: the calf stretch lying down.
		id = "calf-lying"
	}
	if id == "" {
		// "Talk me through the stretch" in a conversation: its stretch.
		id = topicStretch[t.State.Topic]
	}
	if id == "" {
		return s.reply(t, "routine.choose"), nil
	}
	return s.beginRoutine(t, id), nil
}

// topicStretch is the stretch a conversation's "talk me through it"
// means, where it has one.
var topicStretch = map[session.Topic]string{
	"cramp": "calf-lying", "restless": "calf-lying", "aches": "calf-lying",
	"hip": "hip-flexor", "nerve": "knee-to-chest", "joint": "hamstring",
}

// stretchPainAnswer takes the answer to the one safety question asked
// when a stretch hurt; the routine stays paused until the listener
// resumes it.
func (s *set) stretchPainAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	triage.Record(t.State, "triage.swelling", a)
	if a == session.Yes {
		t.State.Routine = nil
		return s.reply(t, "screen.unsure.swelling"), nil
	}
	return s.reply(t, q+".clear"), nil
}

// memoryCount counts this week's kept nights.
func (s *set) memoryCount(t *router.Turn) (router.Reply, error) {
	if t.Prefs.History != session.ConsentGiven {
		return s.andBack(t, router.Reply{Speech: s.speech(t, "count.none")}), nil
	}
	since := t.Now.Add(-12*time.Hour).AddDate(0, 0, -6).Format(time.DateOnly)
	dates := map[string]bool{}
	for _, n := range t.Nights {
		if n.Date >= since {
			dates[n.Date] = true
		}
	}
	nights := "nights"
	if len(dates) == 1 {
		nights = "night"
	}
	b := &alexa.SSML{}
	for _, line := range s.lib.Get("count.nights").Say {
		b.Say(wordsWith(t, line, map[string]string{"count": strconv.Itoa(len(dates)), "nights": nights}))
	}
	return s.andBack(t, router.Reply{Speech: b}), nil
}

// stopRemembering withdraws consent at once, and offers to delete the
// nights already kept (memory's forget flow, which deletes through the
// store).
func (s *set) stopRemembering(t *router.Turn) (router.Reply, error) {
	was := t.Prefs.History
	t.Prefs.History = session.ConsentRefused
	if was != session.ConsentGiven {
		return s.andBack(t, router.Reply{Speech: s.speech(t, "stopkeeping.already")}), nil
	}
	if len(t.Nights) > 0 {
		if q := t.State.Pending; q != "" && q != questionForget {
			t.State.SetAnswer(answerWas, q)
		}
		return s.reply(t, "stopkeeping.done", questionForget), nil
	}
	return s.andBack(t, router.Reply{Speech: s.speech(t, "stopkeeping.done")}), nil
}

// calmFallback is what is said when nothing was understood: the apology
// and two things to say. The emergency line comes when the words sound
// like a warning sign, and otherwise once a session, in its first
// fallback.
func (s *set) calmFallback(t *router.Turn) (router.Reply, error) {
	if t.State.Pending == "" && t.State.Topic == "" && t.State.Routine == nil {
		// Care called for tonight, and no conversation under way since:
		// that care again, the session kept open for what comes next
		// ("start over", a new pain); a question waiting keeps its turn
		// (review).
		if r, ok := s.careAgain(t, "redflags.sorry", words(t, s.lib.Get("reprompt.where.short").Ask)); ok {
			return r, nil
		}
	}
	r := router.Reply{Speech: s.speech(t, "talk.fallback")}
	serious := t.Text != "" && soundsSerious(symptom.Read(t.Text))
	where := "reprompt.where"
	if serious || !t.State.Answered(answerSOS) {
		t.State.SetAnswer(answerSOS, session.Yes)
		for _, line := range s.lib.Get("triage.screen.say").Say {
			r.Speech.Say(words(t, triage.Fill(line, t.Locale)))
		}
		// The emergency line leaves room for a short question only.
		where = "reprompt.where.short"
	}
	if !s.resume(t, &r) {
		t.State.Pending = ""
		r.Question = words(t, s.lib.Get(where).Ask)
	}
	return r, nil
}

// afterThanks returns what follows thanks said as a sentence of its own
// ("Cheers. Reckon it's the blow up mattress?"), and whether there was
// such thanks.
func afterThanks(text string) (string, bool) {
	i := strings.IndexAny(text, ".!?")
	if i < 0 || strings.TrimSpace(text[i+1:]) == "" {
		return "", false
	}
	first := tokens(text[:i])
	return strings.TrimSpace(text[i+1:]), thanksIn(first) && len(first) <= 4
}

// thanksIn reports whether the words say thanks.
func thanksIn(ws []string) bool {
	return slices.ContainsFunc(talk.Concepts, func(c talkConcept) bool {
		return c.Intent == IntentThanks && c.fits(ws)
	})
}

// thanksRunOn returns the question that thanks runs on into, with a comma
// or a joining word and no full stop ("ok thanks, and could worn hip
// joints be causing it", "cheers but is it my age"): at most four words
// of thanks, then words that open a question (set sAR).
func thanksRunOn(text string) (string, bool) {
	fields := strings.Fields(text)
	for k := 1; k <= 4 && k < len(fields); k++ {
		comma := strings.HasSuffix(fields[k-1], ",")
		join := slices.Contains(talk.Words.ThanksJoins, strings.ToLower(fields[k]))
		if !comma && !join {
			continue
		}
		if !thanksIn(tokens(strings.Join(fields[:k], " "))) {
			continue
		}
		rest := fields[k:]
		for len(rest) > 1 && slices.Contains(talk.Words.ThanksJoins, strings.ToLower(strings.Trim(rest[0], ","))) {
			rest = rest[1:]
		}
		// "..., which I did not expect, so yeah, thanks" goes on with a
		// clause and ends in thanks: no question.
		if q := strings.Join(rest, " "); opensAsking(tokens(q)) && strings.ToLower(rest[0]) != "which" && !thanksIn(tokens(q)) {
			return q, true
		}
		return "", false
	}
	return "", false
}

// firstQuestion is the words up to a question mark that words asking
// nothing follow ("is it restless legs? it's on the couch too"), or nil.
// Words after it that report what someone named ("my midwife mentioned
// iron") may be what is asked about.
func firstQuestion(text string) []string {
	q, rest, ok := strings.Cut(text, "?")
	if !ok || strings.TrimSpace(rest) == "" || strings.Contains(rest, "?") {
		return nil
	}
	if ws := tokens(rest); opensAsking(ws) || anyIn(ws, talk.Words.Report) {
		return nil
	}
	return plainQuestion(tokens(q))
}

// pauseGoesOn reports whether the words after a pause say what the
// speaker goes to do ("hang on, cariad, I need to find the pillow"): the
// pause stands. A filler or a name may come first.
func pauseGoesOn(rest []string) bool {
	for i := 0; i < len(rest) && i <= 2; i++ {
		if slices.ContainsFunc(pauseDoing, func(p []string) bool { return len(rest)-i > len(p) && slices.Equal(rest[i:i+len(p)], p) }) {
			return true
		}
	}
	return false
}

// afterPause returns the words after a pause said first ("wait", "hang
// on"), or nil if the turn does not start with one.
func afterPause(ws []string) []string {
	for _, p := range pauseOpeners {
		if len(ws) > len(p) && slices.Equal(ws[:len(p)], p) {
			return ws[len(p):]
		}
	}
	return nil
}

// feltWord reports whether a word tells a pain: a hurt word (talk.yaml
// hurt) or a feeling of talk.yaml pains ("painful", "aching", "tight"),
// not any feeling ("weird").
func feltWord(w string) bool {
	return slices.Contains(talk.Words.Hurt, w) || slices.ContainsFunc(symptom.Read(w).Sensations, func(f string) bool { return slices.Contains(talk.Words.Pains, f) })
}

// inverted reports whether ws ask with a helping verb put before a person
// ("my legs are aching, have I overdone it"), not after a subject ("I did
// it at the gym"), or with a question tag said anywhere ("isn't it").
func inverted(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if slices.Contains(talk.Words.Inverted, ws[i]) && slices.Contains(talk.Words.Persons, ws[i+1]) && (i == 0 || !slices.Contains(talk.Words.Subjects, ws[i-1])) {
			return true
		}
	}
	return slices.ContainsFunc(talk.Words.TagsAnywhere, func(tag string) bool { return cueFits(tag, ws) })
}
