package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Joint pain and stiffness: arthritis at night and in the morning. Warmth
// and gentle movement at once; then triage's questions for a hot, swollen
// joint (care today) and morning stiffness over half an hour (a doctor
// within days), which decide what is said next; then a tip for bed.
const (
	TopicJoint  = "joint"
	IntentJoint = "JointPainIntent"
)

// screenStiffness asks how long morning stiffness lasts: over half an hour
// points to inflammatory arthritis (refs §2 OA/RA).
const screenStiffness = triagePrefix + "stiffness"

func (s *set) registerJoint(r *router.Router) {
	r.IntentFunc(IntentJoint, s.joint)
	s.answers[TopicJoint] = s.jointAnswer
}

func (s *set) joint(t *router.Turn) (router.Reply, error) {
	begin(t, TopicJoint)
	t.State.Step = "screen"
	return s.screen(t, TopicJoint, []string{"joint.relief"}, s.jointCare)
}

func (s *set) jointAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.jointNext(t, nil, q, a)
}

// jointCare says what the stiffness answer tells, then offers a tip for bed.
func (s *set) jointCare(t *router.Turn, said []string) (router.Reply, error) {
	switch screened(t.State, screenStiffness) {
	case session.Yes:
		// Triage adds its own "see a doctor in the next few days".
		said = with(said, "joint.inflammatory")
	case session.No:
		said = with(said, "joint.wear")
	}
	t.State.Step = "bed"
	return s.ask(t, said, "joint.offer.bed", s.jointNext)
}

func (s *set) jointNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := screenAnswer(TopicJoint, said, q, a); ok {
		return s.screen(t, TopicJoint, said, s.jointCare)
	}
	if q != "joint.offer.bed" {
		return s.fallback(t)
	}
	if a == session.Yes {
		return s.conclude(t, TopicJoint, outcomeAdvised, with(said, "joint.bed", "joint.watch")...), nil
	}
	return s.conclude(t, TopicJoint, outcomeAdvised, with(said, "joint.watch")...), nil
}
