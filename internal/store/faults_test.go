package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	cramptopic "github.com/nightlegs/nightlegs/intents/cramp"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/nightlegs/nightlegs/intents"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// The tests in this file put a faultProxy between the skill and the
// DynamoDB-protocol server, and check what the listener hears and what is
// stored when the store misbehaves. Store calls get short deadlines
// (faultTimeout) so that a slow store costs the tests little.

const faultTimeout = 400 * time.Millisecond

// faultStore is a DynamoDB store behind a fault proxy, on a fresh table.
func faultStore(t *testing.T) (*store.Dynamo, *faultProxy) {
	t.Helper()
	p := newFaultProxy(t)
	d, err := store.NewDynamo(ctxT(t), fmt.Sprintf("nightlegs-faults-%d", tables.Add(1)), p.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		p.heal()
		d.Client().DeleteTable(context.Background(), &dynamodb.DeleteTableInput{TableName: aws.String(d.Table())})
	})
	d.Now = func() time.Time { return tonightAt }
	return d, p
}

// tonightAt is the tests' clock: 3 a.m., so tonight's night is dated the
// evening before.
var tonightAt = time.Date(2026, 1, 15, 3, 0, 0, 0, time.UTC)

// logBuffer collects a skill's JSON log lines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(b)
}

// lines returns the log records whose message is msg.
func (l *logBuffer) lines(msg string) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(l.buf.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// faultSkill is the whole skill, triage included, on st.
func faultSkill(t *testing.T, st skill.Store) (*skill.Skill, *logBuffer) {
	t.Helper()
	lib := content.MustDefault()
	guard, err := triage.NewGuard(lib)
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	sk := newSkill(st, func() time.Time { return tonightAt })
	sk.Triage = guard
	sk.StoreTimeout = faultTimeout
	sk.Log = slog.New(slog.NewJSONHandler(logs, nil))
	return sk, logs
}

// withConsent stores the listener's consent to keep nights, as an earlier
// session would have.
func withConsent(t *testing.T, d *store.Dynamo, userID string) {
	t.Helper()
	if _, err := d.Save(ctxT(t), userKey(userID), session.Snapshot{}, session.Change{Prefs: &session.Prefs{History: session.ConsentGiven}}); err != nil {
		t.Fatal(err)
	}
}

// items returns every item the listener has in the table, by sort key.
func items(t *testing.T, d *store.Dynamo, userID string) map[string]map[string]types.AttributeValue {
	t.Helper()
	out, err := d.Client().Query(ctxT(t), &dynamodb.QueryInput{
		TableName:                 aws.String(d.Table()),
		KeyConditionExpression:    aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "USER#" + userKey(userID)}},
		ConsistentRead:            aws.Bool(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]map[string]types.AttributeValue{}
	for _, it := range out.Items {
		m[it["sk"].(*types.AttributeValueMemberS).Value] = it
	}
	return m
}

// tonightsCramps is the count of tonight's cramp night, 0 if none.
func tonightsCramps(t *testing.T, d *store.Dynamo, userID string) int {
	t.Helper()
	it, ok := items(t, d, userID)["NIGHT#2026-01-14#cramp"]
	if !ok {
		return 0
	}
	return int(numberAttr(t, it, "count"))
}

var (
	cramp = say{intent: cramptopic.Intent, slots: map[string]string{"bodyPart": "calf"}, ids: map[string]string{"bodyPart": "calf"}}
	yes   = say{intent: intents.IntentYes}
)

// A throttled, failing or dropped write is retried by the SDK (its
// standard retryer, bounded and with jitter) and lands.
func TestFaultWriteRetried(t *testing.T) {
	for name, kind := range map[string]faultKind{"throttled": throttled, "500": serverError, "dropped": dropped} {
		t.Run(name, func(t *testing.T) {
			d, p := faultStore(t)
			sk, logs := faultSkill(t, d)
			const userID = "amzn1.ask.account.RETRIED"
			rule := p.inject("PutItem", kind, 2)
			dev := &device{t: t, sk: sk, userID: userID}
			if !strings.Contains(spoken(dev.send(cramp)), "toes") {
				t.Error("the cramp guidance was not said")
			}
			if p.hits(rule) != 2 {
				t.Fatalf("the fault hit %d requests, want 2", p.hits(rule))
			}
			if _, ok := items(t, d, userID)["CONTEXT"]; !ok {
				t.Errorf("the turn's write is lost after two faults; logs: %v", logs.lines("turn's write lost"))
			}
		})
	}
}

// A write that cannot land changes nothing the listener hears, and the log
// says so, as a warning, with the reason.
func TestFaultWriteLostIsLogged(t *testing.T) {
	d, p := faultStore(t)
	sk, logs := faultSkill(t, d)
	p.inject("PutItem", throttled, 0)
	dev := &device{t: t, sk: sk, userID: "amzn1.ask.account.LOST"}
	said := spoken(dev.send(cramp))
	healthy, _ := faultStore(t)
	sk2, _ := faultSkill(t, healthy)
	want := spoken((&device{t: t, sk: sk2, userID: "amzn1.ask.account.LOST"}).send(cramp))
	if said != want {
		t.Errorf("with the write lost the listener heard\n%q\nwant the same as with it kept\n%q", said, want)
	}
	lost := logs.lines("turn's write lost")
	if len(lost) != 1 || lost[0]["level"] != "WARN" || !strings.Contains(fmt.Sprint(lost[0]["reason"]), "ProvisionedThroughputExceeded") {
		t.Errorf("log lines %v: want one warning with the reason", lost)
	}
}

// A slow load uses up its own deadline only: the turn's write still lands.
func TestFaultSlowLoadStillWrites(t *testing.T) {
	d, p := faultStore(t)
	sk, logs := faultSkill(t, d)
	const userID = "amzn1.ask.account.SLOWLOAD"
	p.injectDelay("Query", 2*faultTimeout, 0)
	dev := &device{t: t, sk: sk, userID: userID}
	start := time.Now()
	dev.send(cramp)
	if took := time.Since(start); took > 2*faultTimeout+300*time.Millisecond {
		t.Errorf("the turn took %v: more than a load and a save of %v each", took, faultTimeout)
	}
	if len(logs.lines("load failed; the turn goes on without memory")) != 1 {
		t.Error("the slow load was not logged")
	}
	p.heal()
	c, ok := items(t, d, userID)["CONTEXT"]
	if !ok {
		t.Fatalf("the write after a slow load is lost: %v", logs.lines("turn's write lost"))
	}
	if topic, _ := c["topic"].(*types.AttributeValueMemberS); topic == nil || topic.Value != string(cramptopic.Topic) {
		t.Errorf("context = %v", c)
	}
}

// A night is counted once, however often its write is retried: after a
// 500 or a dropped connection that came after DynamoDB carried it out, and
// when the whole request comes again.
func TestFaultNightCountedOnce(t *testing.T) {
	for name, kind := range map[string]faultKind{"500 after commit": failAfterCommit, "dropped after commit": droppedAfterCommit} {
		t.Run(name, func(t *testing.T) {
			d, p := faultStore(t)
			sk, _ := faultSkill(t, d)
			const userID = "amzn1.ask.account.ONCE"
			withConsent(t, d, userID)
			dev := &device{t: t, sk: sk, userID: userID}
			dev.send(cramp)
			rule := p.inject("TransactWriteItems", kind, 1)
			dev.send(yes) // eased: tonight's night is kept
			if p.hits(rule) != 1 {
				t.Fatalf("the fault hit %d requests, want the night's", p.hits(rule))
			}
			if got := tonightsCramps(t, d, userID); got != 1 {
				t.Errorf("tonight's cramps = %d after a retried write, want 1", got)
			}
			dev.replay()
			if got := tonightsCramps(t, d, userID); got != 1 {
				t.Errorf("tonight's cramps = %d after the request came again, want 1", got)
			}
			// Another turn is another episode.
			dev.send(cramp)
			dev.send(yes)
			if got := tonightsCramps(t, d, userID); got != 2 {
				t.Errorf("tonight's cramps = %d after a second cramp, want 2", got)
			}
		})
	}
}

// Twenty sessions of one listener at once, each with a cramp that eases:
// exactly twenty episodes are kept, and every request gets its answer.
func TestFaultParallelSessionsKeepEveryNight(t *testing.T) {
	d, p := faultStore(t)
	sk, logs := faultSkill(t, d)
	sk.StoreTimeout = 2 * time.Second // contention, not slowness, is tested here
	const userID = "amzn1.ask.account.PARALLEL"
	withConsent(t, d, userID)
	// A little throttling, as a busy table gives, within what the SDK
	// retries.
	p.inject("PutItem", throttled, 2)
	p.inject("TransactWriteItems", throttled, 2)
	const sessions = 20
	var wg sync.WaitGroup
	errs := make(chan error, sessions)
	for range sessions {
		wg.Go(func() {
			dev := &device{t: t, sk: sk, userID: userID}
			for _, s := range []say{cramp, yes} {
				resp, err := dev.trySend(s)
				if err == nil && spoken(resp) == "" {
					err = fmt.Errorf("%s: nothing said", s.intent)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := tonightsCramps(t, d, userID); got != sessions {
		t.Errorf("tonight's cramps = %d after %d sessions, want %d; lost writes: %v", got, sessions, sessions, logs.lines("turn's write lost"))
	}
	t.Logf("%d context writes gave up under contention", len(logs.lines("turn's write lost")))
}

// "Forget me" when the deletes are throttled, or the listing is slow: the
// listener hears that it could not be done, not that it was. Keeping
// nights stops at once; the deletion is finished the next time the
// listener comes, before anything new is kept.
func TestFaultForgetThatFails(t *testing.T) {
	for name, fault := range map[string]func(p *faultProxy){
		"throttled deletes": func(p *faultProxy) { p.inject("BatchWriteItem", throttled, 0) },
		"slow listing":      func(p *faultProxy) { p.injectDelay("Query", 3*faultTimeout, 0) },
	} {
		t.Run(name, func(t *testing.T) {
			d, p := faultStore(t)
			sk, logs := faultSkill(t, d)
			const userID = "amzn1.ask.account.FORGET"
			withConsent(t, d, userID)
			dev := &device{t: t, sk: sk, userID: userID}
			dev.send(cramp)
			dev.send(yes)
			dev.send(say{intent: intents.IntentNo})
			if tonightsCramps(t, d, userID) != 1 {
				t.Fatal("the night before forgetting was not kept")
			}

			fault(p)
			dev.send(say{intent: intents.IntentForget})
			said := spoken(dev.send(yes))
			if strings.Contains(said, "deleted") || !strings.Contains(said, "couldn&apos;t delete") {
				t.Errorf("after a failed deletion the listener heard %q", said)
			}
			if len(logs.lines("could not delete what is kept")) != 1 {
				t.Error("the failed deletion is not in the log")
			}
			if dev.open {
				t.Error("the session stayed open")
			}
			p.heal()
			prefs := items(t, d, userID)["PREFS"]
			if f, _ := prefs["forget"].(*types.AttributeValueMemberBOOL); f == nil || !f.Value {
				t.Errorf("PREFS = %v, want the deletion marked", prefs)
			}
			if _, ok := prefs["history"]; ok {
				t.Errorf("consent still stored: %v", prefs)
			}

			// The store fails still: a cramp that eases keeps nothing.
			fault(p)
			dev.send(cramp)
			dev.send(yes)
			p.heal()
			if got := tonightsCramps(t, d, userID); got > 1 {
				t.Errorf("tonight's cramps = %d: a night was kept after the listener asked to forget", got)
			}

			// The store is back: the next session finishes the deletion
			// first; the old nights and consent are gone.
			dev.send(say{typ: alexa.TypeSessionEnded})
			dev.send(say{typ: alexa.TypeLaunch})
			left := items(t, d, userID)
			for sk, it := range left {
				switch {
				case strings.HasPrefix(sk, "NIGHT#"):
					t.Errorf("night %s survived the deletion: %v", sk, it)
				case sk == "PREFS":
					if _, ok := it["history"]; ok {
						t.Errorf("consent survived the deletion: %v", it)
					}
					if _, ok := it["forget"]; ok {
						t.Errorf("the deletion is still pending: %v", it)
					}
				}
			}
			if len(logs.lines("pending deletion finished")) != 1 {
				t.Errorf("the deletion was not finished on the next session; left %v", left)
			}
		})
	}
}

// A forget while another session of the same listener is open: nothing
// that session says afterwards comes back, though its own copy of the
// preferences says nights may be kept.
func TestFaultForgetRacingOpenSession(t *testing.T) {
	d, _ := faultStore(t)
	sk, _ := faultSkill(t, d)
	const userID = "amzn1.ask.account.RACE"
	withConsent(t, d, userID)
	bedroom := &device{t: t, sk: sk, userID: userID}
	kitchen := &device{t: t, sk: sk, userID: userID}
	bedroom.send(cramp)
	if len(items(t, d, userID)) < 2 {
		t.Fatal("the open session stored nothing")
	}

	kitchen.send(say{intent: intents.IntentForget})
	if said := spoken(kitchen.send(yes)); !strings.Contains(said, "deleted everything") {
		t.Fatalf("the forget was not done: %q", said)
	}
	if left := items(t, d, userID); len(left) != 0 {
		t.Fatalf("left after the forget: %v", left)
	}

	bedroom.send(yes) // eased: a night, with consent in the session
	bedroom.send(say{intent: intents.IntentVoiceLouder})
	bedroom.send(say{intent: intents.IntentStop})
	if left := items(t, d, userID); len(left) != 0 {
		t.Errorf("the open session wrote back %v", left)
	}
}

// A warning sign at the start of a session is answered at once, without
// waiting for a store that hangs.
func TestFaultRedFlagNeverWaitsForTheStore(t *testing.T) {
	d, p := faultStore(t)
	sk, _ := faultSkill(t, d)
	for _, op := range []string{"Query", "PutItem", "TransactWriteItems", "UpdateItem"} {
		p.injectDelay(op, 5*time.Second, 0)
	}
	dev := &device{t: t, sk: sk, userID: "amzn1.ask.account.REDFLAG"}
	start := time.Now()
	resp := dev.send(say{intent: "ColdFootIntent"})
	took := time.Since(start)
	if !strings.Contains(spoken(resp), "911") {
		t.Errorf("said %q, want the emergency answer", spoken(resp))
	}
	// The answer is built before any store call; its save has a short
	// deadline of its own (250 ms), far below a load's.
	if took > 250*time.Millisecond+150*time.Millisecond {
		t.Errorf("the emergency answer took %v with a hanging store", took)
	}
}

// Nothing the listener says is stored word for word: a long scripted
// conversation with words Alexa could not resolve and free speech leaves
// items whose every attribute holds only the skill's own IDs and values.
// Nor are the skill's own sentences stored (what "say that again" repeats
// is kept as content IDs): every stored string is one or two IDs.
func TestNoWordsOfTheListenerStored(t *testing.T) {
	d, _ := faultStore(t)
	sk, _ := faultSkill(t, d)
	const userID = "amzn1.ask.account.WORDS"
	withConsent(t, d, userID)
	dev := &device{t: t, sk: sk, userID: userID}
	free := func(text string) say {
		return say{intent: "DescribeSymptomIntent", slots: map[string]string{"text": text}}
	}
	script := []say{
		{intent: cramptopic.Intent, slots: map[string]string{"bodyPart": "left calf since my HIV meds at St Mary clinic"}, ids: map[string]string{}},
		{intent: intents.IntentNo},
		free("it started after the Lisinopril dose my cardiologist Okafor changed"),
		yes,
		{intent: intents.IntentNo},
		free("my legs ache after twelve hours on the Tesco warehouse floor"),
		{intent: intents.IntentNo},
		free("also my husband Bartholomew snores"),
		{intent: intents.IntentYes},
		{intent: "SomeoneElseIntent", slots: map[string]string{"person": "my neighbour Gwendolyn", "complaint": "restless twitchy shins"}, ids: map[string]string{}},
		{intent: intents.IntentNo},
		// "Say that again" and "what?" need the last answer, kept as
		// content IDs, never as its words.
		free("my calf is cramping again"),
		{intent: intents.IntentRepeat},
		free("say that again"),
		{intent: intents.IntentRephrase},
		{intent: intents.IntentThanks},
		{intent: intents.IntentRecall},
		{intent: intents.IntentVoiceLouder},
		{intent: "StartRoutineIntent", slots: map[string]string{"routine": "the Pilates thing from Zumba class"}, ids: map[string]string{}},
		{intent: intents.IntentStop},
		{typ: alexa.TypeLaunch},
		free("my hip hurts since I fell at Glastonbury"),
		{intent: intents.IntentNo},
		{intent: intents.IntentYes},
		{typ: alexa.TypeSessionEnded},
	}
	// Every item, as it was after each turn: a later turn may overwrite
	// what an earlier one leaked.
	var said []string
	var stored []map[string]types.AttributeValue
	for _, s := range script {
		said = append(said, s.slots["text"], s.slots["bodyPart"], s.slots["person"], s.slots["complaint"], s.slots["routine"])
		dev.send(s)
		scan, err := d.Client().Scan(ctxT(t), &dynamodb.ScanInput{TableName: aws.String(d.Table())})
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, scan.Items...)
	}
	// The skill's own words that a listener may also say: IDs of topics,
	// body parts, people and levels are kept by design.
	own := map[string]bool{}
	for _, w := range []string{"calf", "leg", "legs", "hip", "hips", "ache", "aches", "cramp", "restless", "my", "the", "at", "on", "after", "since", "from", "it", "i", "also", "thing", "hurts", "fell", "class", "floor", "hours", "twelve", "started", "changed", "dose", "husband", "neighbour", "left", "snores", "twitchy", "shins", "say"} {
		own[w] = true
	}
	var words []string
	for _, s := range said {
		for _, w := range regexp.MustCompile(`[A-Za-z']+`).FindAllString(s, -1) {
			if !own[strings.ToLower(w)] {
				words = append(words, strings.ToLower(w))
			}
		}
	}
	if len(stored) < 2*len(script) {
		t.Fatalf("the conversation left %d items in %d turns; the scan proves nothing", len(stored), len(script))
	}
	seen := map[string]bool{}
	for _, it := range stored {
		raw, _ := json.Marshal(it)
		if seen[string(raw)] {
			continue
		}
		seen[string(raw)] = true
		text := strings.ToLower(string(raw))
		for _, v := range storedStrings(it) {
			if !storedID.MatchString(v) {
				t.Errorf("%q is stored, which is no ID, in %s", v, raw)
			}
		}
		for _, w := range words {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(text) {
				t.Errorf("%q, said by the listener, is stored in %s", w, raw)
			}
		}
		for _, s := range said {
			if s != "" && strings.Contains(text, strings.ToLower(s)) {
				t.Errorf("%q is stored word for word in %s", s, raw)
			}
		}
	}
}

// storedID is what a stored string may be: one or two IDs (a topic and an
// outcome), each of lower-case words joined by marks, never a sentence.
var storedID = regexp.MustCompile(`^[A-Za-z0-9_.#:,/+=-]*( [A-Za-z0-9_.#:,/+=-]+)?$`)

// storedStrings is every string and string-set value of an item, nested
// ones included.
func storedStrings(item map[string]types.AttributeValue) []string {
	var out []string
	var walk func(v types.AttributeValue)
	walk = func(v types.AttributeValue) {
		switch v := v.(type) {
		case *types.AttributeValueMemberS:
			out = append(out, v.Value)
		case *types.AttributeValueMemberSS:
			out = append(out, v.Value...)
		case *types.AttributeValueMemberL:
			for _, e := range v.Value {
				walk(e)
			}
		case *types.AttributeValueMemberM:
			for _, e := range v.Value {
				walk(e)
			}
		}
	}
	for _, v := range item {
		walk(v)
	}
	return out
}

// SkillDisabled follows the rules of "forget me": when the deletes fail,
// keeping nights stops all the same (the listener's ID never comes back
// to finish it; what is left expires), and the log says so as an error.
func TestFaultSkillDisabledThatFails(t *testing.T) {
	d, p := faultStore(t)
	sk, logs := faultSkill(t, d)
	const userID = "amzn1.ask.account.DISABLED"
	withConsent(t, d, userID)
	dev := &device{t: t, sk: sk, userID: userID}
	dev.send(cramp)
	dev.send(yes)
	open := dev.attrs

	p.inject("BatchWriteItem", throttled, 0)
	event := alexa.RequestEnvelope{Version: "1.0", Request: alexa.Request{Type: alexa.TypeSkillDisabled, RequestID: "amzn1.echo-api.request.disabled"}}
	event.Context.System.Application.ApplicationID = testSkillID
	event.Context.System.User.UserID = userID
	body, _ := json.Marshal(event)
	if _, err := sk.HandleJSON(context.Background(), body); err != nil {
		t.Fatal(err)
	}
	p.heal()
	if lines := logs.lines("could not delete on skill disabled"); len(lines) != 1 || lines[0]["level"] != "ERROR" {
		t.Errorf("log lines %v: want one error", lines)
	}
	prefs := items(t, d, userID)["PREFS"]
	if f, _ := prefs["forget"].(*types.AttributeValueMemberBOOL); f == nil || !f.Value {
		t.Errorf("PREFS = %v, want the deletion marked", prefs)
	}
	// A session still open on another device keeps no night.
	dev.attrs, dev.open = open, true
	dev.send(cramp)
	dev.send(yes)
	if got := tonightsCramps(t, d, userID); got != 1 {
		t.Errorf("tonight's cramps = %d after the skill was disabled, want the 1 from before", got)
	}
}
