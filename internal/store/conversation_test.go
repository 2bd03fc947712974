package store_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	cramptopic "github.com/nightlegs/nightlegs/intents/cramp"
	"maps"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/nightlegs/nightlegs/intents"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

// counter counts the DynamoDB requests that reach the wire, by operation,
// SDK retries included.
type counter struct {
	mu   sync.Mutex
	ops  map[string]int
	next dynamodb.HTTPClient
}

func (c *counter) option(o *dynamodb.Options) {
	c.next = o.HTTPClient
	if c.next == nil {
		c.next = awshttp.NewBuildableClient()
	}
	o.HTTPClient = c
}

func (c *counter) Do(r *http.Request) (*http.Response, error) {
	op := r.Header.Get("X-Amz-Target") // DynamoDB_20120810.PutItem
	op = op[strings.LastIndex(op, ".")+1:]
	c.mu.Lock()
	if c.ops == nil {
		c.ops = map[string]int{}
	}
	c.ops[op]++
	c.mu.Unlock()
	return c.next.Do(r)
}

// take returns the counts so far and starts again from zero.
func (c *counter) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	ops := c.ops
	c.ops = nil
	if ops == nil {
		ops = map[string]int{}
	}
	return ops
}

const (
	testSkillID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"
	testSecret  = "store-test-secret"
)

func newSkill(st skill.Store, now func() time.Time) *skill.Skill {
	sk, err := intents.NewSkill(intents.Options{
		Store:         st,
		SkillID:       testSkillID,
		UserKeySecret: []byte(testSecret),
		StoreTimeout:  time.Second,
		Now:           now,
	})
	if err != nil {
		panic(err) // the embedded content and triage data load, or every test fails
	}
	return sk
}

// userKey is the store key skill.Skill derives from an Alexa user ID.
func userKey(userID string) string {
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))
}

// device plays an Alexa device: it sends requests in sessions and carries
// sessionAttributes from one response to the next request, as JSON.
type device struct {
	t       *testing.T
	sk      *skill.Skill
	userID  string
	session int
	attrs   map[string]any
	open    bool
	last    []byte // the last request sent
}

type say struct {
	typ    string // request type; IntentRequest when Intent is set
	intent string
	slots  map[string]string
	// ids are the IDs entity resolution matched slot values to; a slot
	// without one is sent as Alexa sends a value it could not resolve
	// (ER_SUCCESS_NO_MATCH).
	ids map[string]string
}

// requests numbers request IDs, unique across devices as Alexa's are.
var requests atomic.Int64

func (d *device) send(s say) *alexa.ResponseEnvelope {
	d.t.Helper()
	resp, err := d.trySend(s)
	if err != nil {
		d.t.Fatal(err)
	}
	return resp
}

// trySend is send for devices driven from other goroutines.
func (d *device) trySend(s say) (*alexa.ResponseEnvelope, error) {
	if !d.open {
		d.session++
		d.attrs = nil
	}
	env := alexa.RequestEnvelope{
		Version: "1.0",
		Session: &alexa.Session{
			New:         !d.open,
			SessionID:   fmt.Sprint("amzn1.echo-api.session.", d.session),
			Application: alexa.Application{ApplicationID: testSkillID},
			Attributes:  d.attrs,
			User:        alexa.User{UserID: d.userID},
		},
		Request: alexa.Request{Type: s.typ, RequestID: fmt.Sprint("amzn1.echo-api.request.", requests.Add(1)), Locale: "en-US"},
	}
	env.Context.System.Application.ApplicationID = testSkillID
	env.Context.System.User.UserID = d.userID
	if s.intent != "" {
		env.Request.Type = alexa.TypeIntent
		env.Request.Intent = &alexa.Intent{Name: s.intent, Slots: map[string]alexa.Slot{}}
		for k, v := range s.slots {
			slot := alexa.Slot{Name: k, Value: v}
			if s.ids != nil {
				status := alexa.ResolutionStatus{Code: alexa.ResolutionNoMatch}
				var values []alexa.ResolutionValue
				if id := s.ids[k]; id != "" {
					status.Code = alexa.ResolutionMatch
					values = []alexa.ResolutionValue{{Value: alexa.ResolvedValue{Name: id, ID: id}}}
				}
				slot.Resolutions = &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{{Status: status, Values: values}}}
			}
			env.Request.Intent.Slots[k] = slot
		}
	}
	if env.Request.Type == alexa.TypeSessionEnded {
		env.Request.Reason = "USER_INITIATED"
	}
	body, err := json.Marshal(env)
	if err != nil {
		return nil, err
	}
	d.last = body
	return d.post(body, env.Request.Type)
}

// replay sends the last request again, byte for byte, as Alexa or Lambda
// may after a timeout: the same request ID, the same session attributes.
func (d *device) replay() *alexa.ResponseEnvelope {
	d.t.Helper()
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(d.last, &env); err != nil {
		d.t.Fatal(err)
	}
	resp, err := d.post(d.last, env.Request.Type)
	if err != nil {
		d.t.Fatal(err)
	}
	return resp
}

func (d *device) post(body []byte, typ string) (*alexa.ResponseEnvelope, error) {
	out, err := d.sk.HandleJSON(context.Background(), body)
	if err != nil {
		return nil, fmt.Errorf("HandleJSON: %w", err)
	}
	var resp alexa.ResponseEnvelope
	if err := json.Unmarshal(out, &resp); err != nil {
		return nil, err
	}
	end := resp.Response.ShouldEndSession
	d.open = end != nil && !*end && typ != alexa.TypeSessionEnded
	d.attrs = resp.SessionAttributes
	return &resp, nil
}

func spoken(r *alexa.ResponseEnvelope) string {
	if r.Response.OutputSpeech == nil {
		return ""
	}
	return r.Response.OutputSpeech.SSML
}

// A scripted ten-turn conversation, over two sessions, stays within the
// request budget of README's "Data stored": a session's first turn reads
// once and writes at most once; later turns never read and write at most
// once; a turn that changes nothing durable sends nothing.
func TestDynamoRequestBudget(t *testing.T) {
	var c counter
	st := newDynamo(t, c.option)
	clk := time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC)
	now := func() time.Time { return clk }
	st.Now = now
	const userID = "amzn1.ask.account.BUDGET"
	// The listener agreed earlier to keep a history of nights.
	if _, err := st.Save(ctxT(t), userKey(userID), session.Snapshot{}, session.Change{Prefs: &session.Prefs{History: session.ConsentGiven}}); err != nil {
		t.Fatal(err)
	}
	c.take()

	dev := &device{t: t, sk: newSkill(st, now), userID: userID}
	type budget struct{ reads, writes int }
	steps := []struct {
		say    say
		max    budget
		min    budget // what the turn must at least do
		closes bool   // the session ends after this turn
	}{
		{say: say{intent: cramptopic.Intent, slots: map[string]string{"bodyPart": "calf"}}, max: budget{1, 1}, min: budget{1, 1}},
		{say: say{intent: intents.IntentNo}, max: budget{0, 1}, min: budget{0, 1}},
		{say: say{intent: intents.IntentVoiceLouder}, max: budget{0, 1}, min: budget{0, 1}},
		{say: say{intent: intents.IntentVoiceLouder}, max: budget{0, 0}},
		// Eased: the conversation moves on, and tonight's night is added.
		{say: say{intent: intents.IntentYes}, max: budget{0, 2}, min: budget{0, 2}},
		{say: say{intent: intents.IntentHelp}, max: budget{0, 1}},
		{say: say{intent: intents.IntentStop}, max: budget{0, 1}, closes: true},
		{say: say{typ: alexa.TypeLaunch}, max: budget{1, 1}, min: budget{1, 0}},
		{say: say{intent: cramptopic.Intent, slots: map[string]string{"bodyPart": "foot"}}, max: budget{0, 1}, min: budget{0, 1}},
		{say: say{typ: alexa.TypeSessionEnded}, max: budget{0, 1}, closes: true},
	}
	total := 0
	for i, s := range steps {
		resp := dev.send(s.say)
		ops := c.take()
		reads, writes := ops["Query"], ops["PutItem"]+ops["TransactWriteItems"]
		t.Logf("turn %d %s%s: %v", i+1, s.say.typ, s.say.intent, ops)
		if reads > s.max.reads || writes > s.max.writes || reads < s.min.reads || writes < s.min.writes {
			t.Errorf("turn %d (%s%s): %d reads, %d writes; want %d..%d reads, %d..%d writes (%v)",
				i+1, s.say.typ, s.say.intent, reads, writes, s.min.reads, s.max.reads, s.min.writes, s.max.writes, ops)
		}
		if other := sum(ops) - reads - writes; other > 0 {
			t.Errorf("turn %d: unexpected requests %v", i+1, ops)
		}
		total += sum(ops)
		if s.say.typ != alexa.TypeSessionEnded && spoken(resp) == "" {
			t.Errorf("turn %d: nothing said", i+1)
		}
		if dev.open == s.closes {
			t.Fatalf("turn %d: session open = %v, script expects it %v", i+1, dev.open, !s.closes)
		}
		clk = clk.Add(20 * time.Second)
	}
	t.Logf("%d requests in %d turns", total, len(steps))

	// The night was kept (consent given), under the hashed key only.
	snap, err := st.Load(ctxT(t), userKey(userID))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Nights) != 1 || snap.Nights[0].Topic != cramptopic.Topic {
		t.Errorf("nights = %+v, want tonight's cramp", snap.Nights)
	}
	if snap.Prefs.Voice != session.VoiceNormal {
		t.Errorf("prefs = %+v, want the louder voice kept", snap.Prefs)
	}
	scan, err := st.Client().Scan(ctxT(t), &dynamodb.ScanInput{TableName: aws.String(st.Table())})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(scan.Items)
	if strings.Contains(string(raw), userID) || strings.Contains(string(raw), "BUDGET") {
		t.Errorf("the raw Alexa user ID is stored: %s", raw)
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// SkillDisabled deletes everything of that user and nothing of another.
func TestDynamoSkillDisabled(t *testing.T) {
	st := newDynamo(t)
	now := func() time.Time { return time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC) }
	st.Now = now
	sk := newSkill(st, now)
	all := session.Change{
		Context: &session.Context{Topic: "cramp"},
		Prefs:   &session.Prefs{History: session.ConsentGiven},
		Night:   &session.Night{Date: "2026-01-14", Topic: "cramp", Count: 1},
	}
	const leaving, staying = "amzn1.ask.account.LEAVING", "amzn1.ask.account.STAYING"
	for _, u := range []string{leaving, staying} {
		if _, err := st.Save(ctxT(t), userKey(u), session.Snapshot{}, all); err != nil {
			t.Fatal(err)
		}
	}
	event := alexa.RequestEnvelope{Version: "1.0", Request: alexa.Request{Type: alexa.TypeSkillDisabled, RequestID: "r"}}
	event.Context.System.Application.ApplicationID = testSkillID
	event.Context.System.User.UserID = leaving
	body, _ := json.Marshal(event)
	if _, err := sk.HandleJSON(context.Background(), body); err != nil {
		t.Fatal(err)
	}
	gone, err := st.Load(ctxT(t), userKey(leaving))
	if err != nil {
		t.Fatal(err)
	}
	if gone.Context != nil || gone.Prefs != (session.Prefs{}) || len(gone.Nights) != 0 {
		t.Errorf("after SkillDisabled: %+v, want nothing", gone)
	}
	kept, err := st.Load(ctxT(t), userKey(staying))
	if err != nil {
		t.Fatal(err)
	}
	if kept.Context.Topic != "cramp" || kept.Prefs.History != session.ConsentGiven || len(kept.Nights) != 1 {
		t.Errorf("another user's items were touched: %+v", kept)
	}
}

// Forget deletes every item of a user with many nights (more than one
// BatchWriteItem), and only theirs, within README's budget: one UpdateItem
// to mark the preferences, one Query, a BatchWriteItem per 25 other items
// and one for the preferences.
func TestDynamoForgetManyNights(t *testing.T) {
	var c counter
	st := newDynamo(t, c.option)
	day := time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return day }
	for _, u := range []string{"many", "other"} {
		snap, err := st.Save(ctxT(t), u, session.Snapshot{}, session.Change{Prefs: &session.Prefs{History: session.ConsentGiven}})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 30 {
			n := &session.Night{Date: day.AddDate(0, 0, -i).Format(time.DateOnly), Topic: "cramp", Count: 1}
			if snap, err = st.Save(ctxT(t), u, snap, session.Change{Night: n}); err != nil {
				t.Fatal(err)
			}
		}
	}
	c.take()
	if err := st.Forget(ctxT(t), "many"); err != nil {
		t.Fatal(err)
	}
	if ops, want := c.take(), map[string]int{"UpdateItem": 1, "Query": 1, "BatchWriteItem": 3}; !maps.Equal(ops, want) {
		t.Errorf("Forget of 30 nights, a context and preferences sent %v, want %v", ops, want)
	}
	if snap, _ := st.Load(ctxT(t), "many"); len(snap.Nights) != 0 {
		t.Errorf("%d nights left", len(snap.Nights))
	}
	if snap, _ := st.Load(ctxT(t), "other"); len(snap.Nights) != 30 {
		t.Errorf("other user has %d nights, want 30", len(snap.Nights))
	}
}

// With the database down or stalled, the listener still hears the
// guidance, within the store deadline.
func TestDynamoDownTurnStillAnswers(t *testing.T) {
	for name, ep := range map[string]string{
		"refused": refusingEndpoint(t),
		"stalled": stalledEndpoint(t),
	} {
		t.Run(name, func(t *testing.T) {
			st, err := store.NewDynamo(ctxT(t), "absent", "", func(o *dynamodb.Options) {
				o.BaseEndpoint = aws.String(ep)
				o.Region = "us-east-1"
				o.Credentials = credentials.NewStaticCredentialsProvider("local", "local", "")
			})
			if err != nil {
				t.Fatal(err)
			}
			sk := newSkill(st, time.Now)
			sk.StoreTimeout = 300 * time.Millisecond
			dev := &device{t: t, sk: sk, userID: "amzn1.ask.account.DOWN"}
			for i, s := range []say{
				{intent: cramptopic.Intent, slots: map[string]string{"bodyPart": "calf"}},
				{intent: intents.IntentNo},
			} {
				start := time.Now()
				resp := dev.send(s)
				took := time.Since(start)
				if !strings.Contains(spoken(resp), "</prosody>") || len(spoken(resp)) < 60 {
					t.Errorf("turn %d: said %q, want the guidance", i+1, spoken(resp))
				}
				if !dev.open {
					t.Errorf("turn %d: session closed; the conversation must go on from sessionAttributes", i+1)
				}
				// At most a load and a save, each within its own deadline.
				if took > 2*sk.StoreTimeout+300*time.Millisecond {
					t.Errorf("turn %d took %v with a %v deadline for each store call", i+1, took, sk.StoreTimeout)
				}
			}
		})
	}
}

// Nights are kept only once the listener has agreed to it.
func TestDynamoNightsOnlyWithConsent(t *testing.T) {
	for _, consent := range []string{session.ConsentUnasked, session.ConsentRefused, session.ConsentGiven} {
		t.Run("consent="+consent, func(t *testing.T) {
			st := newDynamo(t)
			now := func() time.Time { return time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC) }
			st.Now = now
			const userID = "amzn1.ask.account.CONSENT"
			if consent != session.ConsentUnasked {
				if _, err := st.Save(ctxT(t), userKey(userID), session.Snapshot{}, session.Change{Prefs: &session.Prefs{History: consent}}); err != nil {
					t.Fatal(err)
				}
			}
			dev := &device{t: t, sk: newSkill(st, now), userID: userID}
			dev.send(say{intent: cramptopic.Intent})
			dev.send(say{intent: intents.IntentYes}) // eased: the conversation records the night
			scan, err := st.Client().Scan(ctxT(t), &dynamodb.ScanInput{TableName: aws.String(st.Table())})
			if err != nil {
				t.Fatal(err)
			}
			nights := 0
			for _, it := range scan.Items {
				if sk, _ := it["sk"].(*types.AttributeValueMemberS); sk != nil && strings.HasPrefix(sk.Value, "NIGHT#") {
					nights++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[consent == session.ConsentGiven]; nights != want {
				t.Errorf("%d night items stored, want %d", nights, want)
			}
		})
	}
}
