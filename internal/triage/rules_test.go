package triage

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/symptom"
)

// TestRulesFromSpeech runs what people say through the symptom reader and
// the rules: each red flag alone, combinations, denials, other people,
// children, pregnancy, and complaints that must stay self-care.
func TestRulesFromSpeech(t *testing.T) {
	tests := []struct {
		say  string
		want Level
	}{
		// Words a recogniser hears for others ("pail", "num", "feint",
		// "tow"), ordinals ("34th week") and a possessive on a mended word.
		{"my foot turned pail and num in like ten minutes", Emergency},
		{"red hot leg and a fever and i feel like im gonna feint", Emergency},
		{"my big tow has a black tip", Urgent},
		{"she is carrying, 34th week, and her face is swollen with a severe headache", Urgent},
		// Gradual swelling of both feet in later pregnancy is self-care
		// (refs §3 not red flags); said sudden, or with no time, it is not.
		{"7 months pregnant, both feet mildly swollen over the last few weeks, no headache", SelfCare},
		{"the missus is 34 weeks and her feet have slowly swollen, both of them", SelfCare},
		{"I'm pregnant and my feet are swollen", Soon},
		{"I'm 34 weeks pregnant and my feet swelled up suddenly tonight", Urgent},
		// A cramp of two minutes is brief; of twenty, it won't ease.
		{"cramp in my calf for 2 minutes, gone now", SelfCare},
		{"charley horse still there after like 20 min", Urgent},
		// Tingling in both feet is a nerve sign, not both legs numb.
		{"tingling in both my feet at night", Soon},
		{"both my legs have gone numb", Emergency},
		// A weak circulation or a cycle all over the place names no sign.
		{"my legs ache at night, is my blood circulation weak", SelfCare},
		{"my cycle's all over the place and my legs ache", SelfCare},
		// Breathing said fine beside puffy ankles ("puffed" is swelling here).
		{"both ankles slightly puffed at night, gone by morning, she is breathing normal", SelfCare},
		{"I get puffed walking up the stairs and my calf is swollen", Emergency},
		// A fall with the swelling said as a joint's ("knee is swollen")
		// is the fall-or-knock row.
		{"my knee is swollen after a trip on the kerb", Urgent},
		// Everyday wordings of the seventh round, by concept: confusion
		// as not knowing the day, a cast the leg wants to burst out of, a
		// fall walked on with a stick, a denial beside the bladder's word,
		// a diabetic wound not felt, tingling spreading to both legs.
		{"my son's leg is red and hot, he has a fever and he doesn't know what day it is", Emergency},
		{"in a cast since Monday and it feels like my leg wants to burst out of it", Emergency},
		{"fell on the path, walking okay with my stick, but my hip hurts far more than usual", Urgent},
		{"both my ankles are puffy, just swollen, all this week, breathing normal", Soon},
		{"I'm diabetic, there's a small cut on my sole and I can't feel it", Urgent},
		// A diabetic foot sign with confusion or faintness is the E of the
		// diabetic foot row; confusion alone with diabetes stays U.
		{"I'm diabetic, my foot is red and swollen and I feel confused", Emergency},
		{"I have sugar, there's a sore on my foot and I feel faint", Emergency},
		{"I'm diabetic and I'm confused tonight, my legs hurt", Urgent},
		{"I'm diabetic, my calf is swollen and hot and I feel confused", Emergency},
		// Words read as no sign only where they name none (review):
		// fluid in a leg, someone else's rambling, a foot messed up on a
		// nail, a whole foot gone black.
		{"I'm pregnant and my left leg is filled with fluid", Urgent},
		{"my dad's rambling on a bit tonight and he's got a fever", Emergency},
		{"I'm diabetic and messed up my foot on a nail yesterday", Urgent},
		{"my dad's foot has gone black", Urgent},
		// Hard and swollen together is a swelling too, not hardness
		// alone (review).
		{"my calf is hard and swollen", Urgent},
		{"my shin is swollen and hard after football and I can't move my toes", Emergency},
		{"pins and needles down one leg with my back, no urine problem", SelfCare},
		{"tingling down one leg and with my back and now it has spread to both", Emergency},
		// Breathing and chest, with and without leg signs (refs §3 row 1).
		{"my calf is swollen and hot and I'm a bit short of breath", Emergency},
		{"I can't catch my breath", Emergency},
		{"it hurts to breathe in", Emergency},
		{"my chest hurts and my leg is sore", Emergency},
		{"I've been coughing up blood", Emergency},
		{"my leg is puffy and I'm struggling to breathe", Emergency},
		{"tightness in my chest", Emergency},
		{"my husband's calf is swollen and he can't get his breath", Emergency},
		// Sleep and sobriety name no sign: kicking "in his sleep" is no wet
		// bed, and "stone cold sober" no cold leg nor lost balance.
		{"my husband has back pain and kicks his legs in his sleep", SelfCare},
		{"I'm stone cold sober, I just have a cramp in my calf", SelfCare},
		// "Not able to" and "unable to" say "can't" (Indian English).
		{"my leg is swollen and I am not able to breathe", Emergency},
		{"my back hurts and he is unable to control his motions", Emergency},
		{"she fell in the kitchen and is not able to get up", Emergency},
		// Cold rooms are no cold leg; a foot cold for months is no sudden one.
		{"is it because the bedroom is freezing", SelfCare},
		{"my foot has been permanently cold and pale and hurts even at rest", Urgent},
		// Both ankles puffy after a long flight is not one leg (refs §2).
		{"after the flight both my ankles are a bit puffy", SelfCare},
		{"after the flight my left ankle is swollen", Urgent},
		// Stroke in everyday words: an arm flopping, words that make no
		// sense, sounding drunk, tipping to one side.
		{"his arm is flopping by his side and his words don't make any sense", Emergency},
		{"my right leg and arm feel heavy and my wife says I sound drunk", Emergency},
		{"she keeps tipping to one side and her words are all mushy", Emergency},
		// Saddle numbness told by what one sits on.
		{"my back aches and I can't feel the chair under me", Emergency},
		// A broken bone that hurts more and more, worse moving the toes.
		{"I broke my shin yesterday and it hurts way more than it did, worse when I move my toes", Emergency},
		// "Both legs are strong" names no two-sided sign; soaked sheets on
		// waking are sweats, not the bladder; a hard calf that eased is a cramp.
		{"pins and needles down my left leg with back pain, but both legs are strong", SelfCare},
		{"my legs ache and I keep waking up with the sheets soaked through", Soon},
		{"my calf went hard as a rock and after a minute of pulling my toes it was okay", SelfCare},
		// A bladder that sends no signal; the bits one sits on not felt.
		{"my back hurts and I'm not getting any signal from my bladder", Emergency},
		{"sciatica down both legs and I can't feel the bits I sit on", Emergency},
		// A fall, and a hip that won't take her weight.
		{"gran had a fall and tried to get up but the hip won't take her weight", Emergency},
		// A toe that went black with diabetes; a sore that is not closing.
		{"I'm diabetic and my big toe went black", Urgent},
		{"there's a small sore on my ankle that's been open for a month and isn't closing", Urgent},
		// Shoes that won't close are tight shoes, not a wound.
		{"both my feet are swollen all week and my shoes won't close", Soon},
		// Naming a stroke as it happens is a stroke sign; asking what one is is not.
		{"I think my husband is having a stroke", Emergency},
		// A leg losing its blood supply (row 2).
		{"my foot's gone white", Emergency},
		{"my toes have turned blue", Emergency},
		{"I can't feel my foot", Emergency},
		{"I've lost feeling in my leg", Emergency},
		{"my leg suddenly went numb", Emergency},
		{"my foot is ice cold and pale", Emergency},
		{"my leg is freezing cold and I can't move it", Emergency},
		// Nerves at the base of the spine (row 3).
		{"I'm numb down there", Emergency},
		{"I can't pee and my back is killing me", Emergency},
		{"I wet myself and my legs feel funny", Emergency},
		{"my legs keep giving way", Emergency},
		{"both legs are weak", Emergency},
		{"shooting pain down both legs", Emergency},
		{"I can't control my bowels", Emergency},
		// Infection spreading through the body (row 4).
		{"I'm burning up and woozy", Emergency},
		{"my leg is red and hot, I've got a fever and I feel confused", Emergency},
		{"my dad has a temperature and he's not making sense", Emergency},
		{"she fainted", Emergency},
		{"my calf is swollen and my heart is racing", Emergency},
		// One leg swollen, warm, red (row 5).
		{"one calf's puffy", Urgent},
		{"my calf is tight and hot", Urgent},
		{"my left leg is swollen", Urgent},
		{"my calf is red", Urgent},
		{"the back of my leg is tender to touch", Urgent},
		{"no, and now it's swollen and hot", Urgent},
		{"my wife's leg is swollen", Urgent},
		{"my ankle has swelled up", Urgent},
		// Pregnancy and recent birth (row 6).
		{"I'm 30 weeks and one calf's puffy", Urgent},
		{"I just had a baby and my leg is swollen", Urgent},
		// refs §3: gradual swelling of both feet in pregnancy is S on its
		// own, sudden swelling U; not knowing which, a doctor soon.
		{"I'm pregnant and my feet are swollen", Soon},
		{"I'm pregnant and my feet swelled up suddenly", Urgent},
		{"I'm thirty two weeks pregnant and my calf hurts and is swollen", Urgent},
		// Other clot risks.
		{"I got off a long flight and my calf is swollen", Urgent},
		{"I had a hip replacement and my leg is puffy", Urgent},
		// Spreading redness and fever (row 7).
		{"there's a red patch getting bigger on my shin", Urgent},
		{"the redness is spreading up my leg", Urgent},
		{"my leg is red and I've got the chills", Urgent},
		// Cramps that won't let go (row 8).
		{"my calf cramp won't let go", Urgent},
		{"I've had a cramp for twenty minutes", Urgent},
		// Blood flow to the foot (row 9).
		{"I have to dangle my foot over the side of the bed", Urgent},
		{"my big toe has gone black", Urgent},
		{"my foot is cold", Urgent},
		// Children (row 10).
		{"my son is limping", Urgent},
		{"my daughter's leg hurts and she has a fever", Urgent},
		{"my little boy won't walk on it", Urgent},
		{"my child's knee is swollen", Urgent},
		{"my 6 year old only ever has pain in one leg", Urgent},
		// Diabetes and foot wounds (row 11).
		{"I'm diabetic and there's a cut I can't feel on my foot", Urgent},
		{"I have diabetes and an ulcer on my foot", Urgent},
		// Foot drop and weakness (row 12).
		{"I keep tripping on my toes", Urgent},
		{"my foot is dragging", Urgent},
		// refs §2 stroke: a sudden weak leg is a stroke sign.
		{"my leg suddenly feels weak", Emergency},
		// Injuries and joints.
		// refs §3 fracture row: after a fall, can't bear weight → E.
		{"I fell and can't put weight on my leg", Emergency},
		{"my knee is hot and swollen", Urgent},
		// Soon: a doctor in the next few days (row 13 and the seeds).
		{"I get cramps every night", Soon},
		{"my restless legs keep me awake every night for weeks", Soon},
		{"my legs have ached for weeks and it's getting worse", Soon},
		{"the pain is severe", Soon},
		{"I've had a fever and my legs ache", Soon},
		{"I have pins and needles in my foot", Soon},
		{"my feet are numb", Soon},
		{"both my ankles are swollen", Soon},
		{"the skin on my shin is discoloured", Soon},
		{"I've been losing weight and my legs ache", Soon},
		// refs §3 fall or knock row: new pain after a knock → U.
		{"I twisted my ankle yesterday", Urgent},
		{"my knee is swollen", Soon},
		{"my son's legs hurt in the daytime too", Soon},
		{"I have diabetes and my feet burn", Soon},
		{"it's only ever in one leg", Soon},
		// Denials keep it self-care.
		{"no swelling, no redness, just tight", SelfCare},
		{"I'm not short of breath", SelfCare},
		{"my calf is sore but without any redness", SelfCare},
		{"it's not hot and not swollen", SelfCare},
		{"there's no swelling, redness or heat", SelfCare},
		{"I don't have a fever", SelfCare},
		{"my leg isn't swollen", SelfCare},
		{"no chest pain", SelfCare},
		// Plain complaints stay self-care.
		{"my calf is cramping", SelfCare},
		{"charley horse", SelfCare},
		{"I have a cramp in my foot", SelfCare},
		{"my legs feel fizzy and I can't keep them still", SelfCare},
		{"my hip hurts when I lie on my side", SelfCare},
		{"my legs feel heavy and achy", SelfCare},
		{"my varicose veins ache", SelfCare},
		{"my son has growing pains", SelfCare},
		{"my legs ache after a long walk", SelfCare},
		{"I put a cold pack on it", SelfCare},
		{"I had a hot bath and my legs still ache", SelfCare},
		{"my legs hurt", SelfCare},
		{"I have a sore calf", SelfCare},
		{"my legs ache when it's cold", SelfCare},
		{"I've got a cold and my legs ache", SelfCare},
		{"I can't fall asleep because my legs are restless", SelfCare},
		// Set wc. A break already in plaster, toes warm: no new injury;
		// toes that won't move in it, or "screaming", are (refs §2).
		{"my leg is in a cast for the ankle fracture, a little sore tonight but my toes are warm and moving", SelfCare},
		{"itching under my cast, my toes are pink and warm and I can wiggle them", SelfCare},
		{"since yesterday my leg is in plaster and now my toes are not moving at all", Emergency},
		{"my leg's in plaster and my toes are screaming", Emergency},
		// A knock that has stopped hurting, walked on; a toe at an odd
		// angle walked on (U, not a leg turned out); a fall that eased
		// but hurts again, or a deformed leg beside a toe, are not
		// (review).
		{"I fell this afternoon, the pain has eased off a bit and I can still walk on it but my hip is sore", Urgent},
		{"Nan fell, her foot is turned out and her toes are cold, she was walking with her frame before", Emergency},
		{"my arm's in a cast and I fell off the step and I think I broke my leg", Emergency},
		{"under my cast my toes have gone black and blue", Emergency},
		{"I'm diabetic and there's a little red mark on my foot", Urgent},
		{"I wear a knee brace for arthritis and my knees are screaming tonight", SelfCare},
		{"knocked my knee an hour ago, it's stopped hurting and I'm walking fine, just a little red mark", Soon},
		{"kicked the door frame and my little toe is sticking out at a weird angle, I can walk on my heel", Urgent},
		{"rolled my ankle and it's gone black and blue, but I can still walk on it", Urgent},
		// Bladder feeling and flow said other ways, with the back.
		{"my back's bad and I didn't feel the urge to go all day", Emergency},
		{"I couldn't tell if I'd gone or not, and my back is killing me", Emergency},
		{"on the commode half an hour and nothing is passing, neither urine nor stool, my back is paining", Emergency},
		{"pushing and pushing to pee, like someone turned the tap off, my back's stiff", Emergency},
		{"had to change the sheets and didn't wake up for it, my sciatica's bad", Emergency},
		// Stroke said other ways.
		{"her leg went numb and now the corner of her mouth is hanging down", Emergency},
		{"nan slid off the bed onto the floor and her foot is rolled right out to the side", Emergency},
		// Set wd: the sign comes late, in passing. Stopping to get one's
		// breath; feeling tested by touch and not there, beside a cold
		// foot; a pale foot in the last hour after years of a sore leg;
		// not knowing when one needs to go, with the back.
		{"my calf's sore since the long drive and tonight he keeps stopping halfway through a sentence to get his breath", Emergency},
		{"a cramp woke him, but his foot is freezing compared to the other one and he can't feel me squeezing his toes", Emergency},
		{"I've had a sore leg on and off for years, but in the last hour my left foot's gone all pale", Emergency},
		{"his back has been sore all week and he can't tell any more when he needs to go to the bathroom", Emergency},
		// Harmless things that sounded like signs: jelly legs after
		// moving furniture said to be tiredness, veins always lumpy and
		// blue. The review of those fixes: a leg gone lumpy and blue, a
		// cramp had an hour ago and still there, a pop asked about with
		// no weight borne, jelly legs that keep giving way, are not;
		// getting a breath of air, or numbness that needs to go away,
		// is no breathlessness or bladder.
		{"long day moving furniture and my legs feel like jelly in bed, just tired I think", SelfCare},
		{"the veins at the back of my knees ache by bedtime, they've always been lumpy and blue", SelfCare},
		{"my leg's gone lumpy and blue since tea", Emergency},
		{"the cramp I had an hour ago is still there", Urgent},
		{"the cramp started an hour ago and my calf is still cramping", Urgent},
		{"I felt a pop in my calf and I can't walk on it, does that mean I've torn it", Emergency},
		{"lifting boxes all day and now my legs are like jelly and keep giving way", Emergency},
		{"I went outside to get a breath of fresh air because my legs were restless", SelfCare},
		{"the numbness needs to go away, it's been weeks", Soon},
		// A shift on one's feet or a house move is a heavy day, not the
		// workout that, with a hard leg, may be compartment syndrome.
		{"I work in a shop on my feet all day on a concrete floor, is that the reason", SelfCare},
		{"moving house and the stress is unreal, is that why my legs feel so tight and sore in bed", SelfCare},
	}
	if len(tests) < 80 {
		t.Fatalf("only %d cases; the issue asks for at least 80", len(tests))
	}
	for _, tt := range tests {
		rd := symptom.Read(tt.say)
		got := Evaluate(rd.Facts)
		if got.Level != tt.want {
			rule := ""
			if got.Rule != nil {
				rule = got.Rule.ID
			}
			t.Errorf("%q: level %s (rule %q, facts %v, denied %v), want %s", tt.say, got.Level, rule, rd.Facts, rd.Negated, tt.want)
		}
	}
}

// TestRulesFromFacts checks combinations that questions, not words, tell.
func TestRulesFromFacts(t *testing.T) {
	tests := []struct {
		facts []string
		want  Level
		rule  string
	}{
		{[]string{"one_leg_swollen", "chest_symptoms"}, Emergency, "clot_and_chest"},
		{[]string{"emergency_sign"}, Emergency, "emergency_screen"},
		{[]string{"sudden_cold_pale_numb"}, Emergency, "cold_pale_numb_screen"},
		{[]string{"saddle_or_bladder"}, Emergency, "saddle_screen"},
		{[]string{"leg_red", "fever", "confused_or_faint"}, Emergency, "red_leg_fever_confused"},
		// A device keeps "hot to the touch" and drops the fever (the person's "he's running 103").
		{[]string{"red_spreading", "leg_warm", "faint"}, Emergency, "red_spreading_hot_unwell"},
		{[]string{"leg_red", "leg_warm", "confused"}, Emergency, "red_hot_leg_confused"},
		{[]string{"pregnant_or_postpartum", "one_leg_swollen"}, Urgent, "pregnancy_swelling"},
		{[]string{"clot_risk", "leg_warm_or_red"}, Urgent, "clot_risk_swelling"},
		{[]string{"child_limp_or_fever"}, Urgent, "child_screen"},
		{[]string{"diabetes", "foot_wound"}, Urgent, "diabetes_foot_wound"},
		{[]string{"cramp_not_easing"}, Urgent, "cramp_not_easing"},
		{[]string{"child", "under_3"}, Soon, "child_daytime"},
		{[]string{"not:one_leg_swollen", "not:breathless"}, SelfCare, ""},
		{nil, SelfCare, ""},
	}
	for _, tt := range tests {
		got := Evaluate(tt.facts)
		rule := ""
		if got.Rule != nil {
			rule = got.Rule.ID
		}
		if got.Level != tt.want || rule != tt.rule {
			t.Errorf("%v: %s by %q, want %s by %q", tt.facts, got.Level, rule, tt.want, tt.rule)
		}
	}
}

func TestHigherNeverLowers(t *testing.T) {
	levels := []Level{"", SelfCare, Soon, Urgent, Emergency}
	for i, a := range levels {
		for j, b := range levels {
			got := Higher(a, b)
			want := levels[max(i, j)]
			if got != want {
				t.Errorf("Higher(%q, %q) = %q, want %q", a, b, got, want)
			}
		}
	}
}

// TestEveryRuleCanFire fails on a rule no facts can fire, such as one
// shadowed by a typo in a group.
func TestEveryRuleCanFire(t *testing.T) {
	for _, r := range Rules() {
		var facts []string
		for _, clause := range r.When {
			facts = append(facts, clause[0])
		}
		got := Evaluate(facts)
		if !AtLeast(got.Level, r.Level) {
			t.Errorf("rule %s: its own facts %v give %s", r.ID, facts, got.Level)
		}
	}
}

// TestSymptomFactsKnown fails when the symptom vocabulary names a fact
// triage does not know.
func TestSymptomFactsKnown(t *testing.T) {
	for _, f := range symptom.Facts() {
		if !Known(f) {
			t.Errorf("symptom vocabulary tells unknown fact %q", f)
		}
	}
}

// TestDiabeticLegReason: with diabetes, a swollen or red leg and
// faintness or breathlessness is explained as a clot, as without it;
// confusion beside a foot or leg sign is the diabetic foot's emergency.
func TestDiabeticLegReason(t *testing.T) {
	tests := []struct {
		facts []string
		rule  string
	}{
		{[]string{"diabetes", "one_leg_swollen", "faint"}, "clot_and_faint"},
		{[]string{"diabetes", "one_leg_swollen", "breathless", "faint"}, "clot_and_chest"},
		{[]string{"diabetes", "leg_warm", "confused"}, "diabetic_leg_confused"},
		{[]string{"diabetes", "foot_wound", "faint"}, "diabetic_foot_confused"},
		{[]string{"diabetes", "red_spreading", "faint"}, "diabetic_foot_confused"},
	}
	for _, tt := range tests {
		res := Evaluate(tt.facts)
		if res.Level != Emergency || res.Rule == nil || res.Rule.ID != tt.rule {
			t.Errorf("%v: %v, want emergency by %s", tt.facts, res, tt.rule)
		}
	}
}
