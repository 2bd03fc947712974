package store_test

import (
	"context"
	"errors"
	"maps"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/store/storetest"
)

var _ skill.Store = (*store.Dynamo)(nil)

func TestDynamo(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Target {
		d := newDynamo(t)
		d.Now, d.Log = now, quietLog(t)
		return storetest.Target{Store: d, Corrupt: func(t *testing.T, user, key string) { corruptItem(t, d, user, key) }}
	})
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func pkey(user, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "USER#" + user},
		"sk": &types.AttributeValueMemberS{Value: sk},
	}
}

func getItem(t *testing.T, d *store.Dynamo, user, sk string) map[string]types.AttributeValue {
	t.Helper()
	out, err := d.Client().GetItem(ctxT(t), &dynamodb.GetItemInput{TableName: aws.String(d.Table()), Key: pkey(user, sk), ConsistentRead: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Item
}

// corruptItem replaces an item as a hand edit or an older schema would:
// its version stays, its content no longer decodes.
func corruptItem(t *testing.T, d *store.Dynamo, user, sk string) {
	t.Helper()
	item := pkey(user, sk)
	item["version"] = getItem(t, d, user, sk)["version"]
	switch sk {
	case "PREFS":
		item["schema"] = &types.AttributeValueMemberN{Value: "0"}
		item["voice"] = &types.AttributeValueMemberS{Value: "normal"}
	case "CONTEXT":
		item["schema"] = &types.AttributeValueMemberN{Value: "1"}
		item["facts"] = &types.AttributeValueMemberS{Value: "not a list"}
	default:
		item["schema"] = &types.AttributeValueMemberN{Value: "1"}
		item["count"] = &types.AttributeValueMemberS{Value: "three"}
	}
	if _, err := d.Client().PutItem(ctxT(t), &dynamodb.PutItemInput{TableName: aws.String(d.Table()), Item: item}); err != nil {
		t.Fatal(err)
	}
}

func numberAttr(t *testing.T, item map[string]types.AttributeValue, name string) int64 {
	t.Helper()
	n, ok := item[name].(*types.AttributeValueMemberN)
	if !ok {
		t.Fatalf("attribute %s = %#v, want a number", name, item[name])
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The items are laid out as README's "Data stored" says, with expiresAt set
// for DynamoDB's TTL, and without the raw Alexa user ID.
func TestDynamoItems(t *testing.T) {
	d := newDynamo(t)
	clk := storetest.NewClock(storetest.Start)
	d.Now = clk.Now
	const user = "c0ffee"
	ch := session.Change{
		Context: &session.Context{Topic: "cramp", Facts: []string{"cramp"}, Level: "self_care", Updated: clk.Now()},
		Prefs:   &session.Prefs{History: session.ConsentGiven},
		Night:   &session.Night{Date: "2026-01-14", Topic: "cramp", Level: "self_care", Outcome: "eased", Count: 1},
	}
	if _, err := d.Save(ctxT(t), user, session.Snapshot{}, ch); err != nil {
		t.Fatal(err)
	}
	ctxItem := getItem(t, d, user, "CONTEXT")
	if got, want := numberAttr(t, ctxItem, "expiresAt"), clk.Now().Add(store.ContextLifetime).Unix(); got != want {
		t.Errorf("context expiresAt = %d, want %d (last write + %v)", got, want, store.ContextLifetime)
	}
	if got := numberAttr(t, ctxItem, "schema"); got != session.Schema {
		t.Errorf("schema = %d", got)
	}
	if got := numberAttr(t, ctxItem, "version"); got != 1 {
		t.Errorf("version = %d", got)
	}
	if topic, _ := ctxItem["topic"].(*types.AttributeValueMemberS); topic == nil || topic.Value != "cramp" {
		t.Errorf("topic attribute = %#v", ctxItem["topic"])
	}
	night := getItem(t, d, user, "NIGHT#2026-01-14#cramp")
	if got, want := numberAttr(t, night, "expiresAt"), time.Date(2026, 4, 14, 0, 0, 0, 0, time.UTC).Unix(); got != want {
		t.Errorf("night expiresAt = %d, want %d (date + 90 days)", got, want)
	}
	prefs := getItem(t, d, user, "PREFS")
	if got, want := numberAttr(t, prefs, "expiresAt"), clk.Now().Add(store.PrefsLifetime).Unix(); got != want {
		t.Errorf("prefs expiresAt = %d, want %d (last write + %v)", got, want, store.PrefsLifetime)
	}
	if _, ok := night["level"]; ok {
		t.Errorf("night has a single level %#v; levels are a set", night["level"])
	}
	if levels, _ := night["levels"].(*types.AttributeValueMemberSS); levels == nil || len(levels.Value) != 1 || levels.Value[0] != "self_care" {
		t.Errorf("night levels = %#v, want the set {self_care}", night["levels"])
	}
	if numberAttr(t, prefs, "version") != 1 {
		t.Errorf("prefs version = %#v", prefs["version"])
	}
}

// NewDynamo against a local endpoint creates the table as template.yaml
// does, with TTL on expiresAt, and accepts one that exists.
func TestDynamoCreatesTable(t *testing.T) {
	d := newDynamo(t)
	out, err := d.Client().DescribeTable(ctxT(t), &dynamodb.DescribeTableInput{TableName: aws.String(d.Table())})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]types.KeyType{}
	for _, k := range out.Table.KeySchema {
		keys[aws.ToString(k.AttributeName)] = k.KeyType
	}
	if keys["pk"] != types.KeyTypeHash || keys["sk"] != types.KeyTypeRange || len(keys) != 2 {
		t.Errorf("key schema = %v", keys)
	}
	if bm := out.Table.BillingModeSummary; bm == nil || bm.BillingMode != types.BillingModePayPerRequest {
		t.Errorf("billing = %+v, want PAY_PER_REQUEST", bm)
	}
	ttl, err := d.Client().DescribeTimeToLive(ctxT(t), &dynamodb.DescribeTimeToLiveInput{TableName: aws.String(d.Table())})
	if err != nil {
		t.Fatal(err)
	}
	if s := ttl.TimeToLiveDescription; s == nil || aws.ToString(s.AttributeName) != "expiresAt" || s.TimeToLiveStatus != types.TimeToLiveStatusEnabled {
		t.Errorf("ttl = %+v", s)
	}
	again, err := store.NewDynamo(ctxT(t), d.Table(), endpoint(t))
	if err != nil {
		t.Fatalf("NewDynamo on an existing table: %v", err)
	}
	if _, err := again.Load(ctxT(t), "nobody"); err != nil {
		t.Fatal(err)
	}
}

// A new session, in a new process, resumes what the last one saved.
func TestDynamoResumeAfterSessionEnded(t *testing.T) {
	d := newDynamo(t)
	clk := storetest.NewClock(storetest.Start)
	d.Now = clk.Now
	c := &session.Context{Topic: "cramp", Step: "relief", Pending: "cramp.relief", Updated: clk.Now(), Started: clk.Now()}
	if _, err := d.Save(ctxT(t), "u", session.Snapshot{}, session.Change{Context: c}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(45 * time.Minute)
	fresh, err := store.NewDynamo(ctxT(t), d.Table(), endpoint(t))
	if err != nil {
		t.Fatal(err)
	}
	fresh.Now = clk.Now
	snap, err := fresh.Load(ctxT(t), "u")
	if err != nil {
		t.Fatal(err)
	}
	if snap.Context.Topic != "cramp" || snap.Context.Pending != "cramp.relief" || !snap.Context.Updated.Equal(storetest.Start) {
		t.Errorf("resumed context = %+v", snap.Context)
	}
}

// A server that is down or stalled costs a turn no more than the deadline.
func TestDynamoServerDown(t *testing.T) {
	for name, ep := range map[string]string{
		"refused": refusingEndpoint(t),
		"stalled": stalledEndpoint(t),
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			// Without an endpoint NewDynamo creates nothing; point the
			// client at the dead server afterwards.
			d, err := store.NewDynamo(ctx, "absent", "", func(o *dynamodb.Options) {
				o.BaseEndpoint = aws.String(ep)
				o.Region = "us-east-1"
				o.Credentials = credentials.NewStaticCredentialsProvider("local", "local", "")
			})
			if err != nil {
				t.Fatal(err)
			}
			const deadline = 300 * time.Millisecond
			calls := map[string]func(context.Context) error{
				"Load": func(ctx context.Context) error { _, err := d.Load(ctx, "u"); return err },
				"Save": func(ctx context.Context) error {
					_, err := d.Save(ctx, "u", session.Snapshot{}, session.Change{Context: &session.Context{Topic: "cramp"}})
					return err
				},
				"Forget": func(ctx context.Context) error { return d.Forget(ctx, "u") },
			}
			for call, f := range calls {
				ctx, cancel := context.WithTimeout(context.Background(), deadline)
				start := time.Now()
				err := f(ctx)
				took := time.Since(start)
				cancel()
				if err == nil {
					t.Errorf("%s succeeded against a dead server", call)
				}
				if errors.Is(err, session.ErrConflict) {
					t.Errorf("%s: %v: a dead server is not a conflict", call, err)
				}
				if took > deadline+200*time.Millisecond {
					t.Errorf("%s took %v with a %v deadline", call, took, deadline)
				}
			}
		})
	}
}

// refusingEndpoint is a loopback port nobody listens on.
func refusingEndpoint(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// stalledEndpoint accepts connections and never answers.
func stalledEndpoint(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		l.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + l.Addr().String()
}

// On a conflict DynamoDB returns the stored item (ReturnValuesOnConditionCheckFailure),
// so the turn is re-applied and written again without another read; the
// night is added apart, in one request, whatever the context did.
func TestDynamoConflictNeedsNoReread(t *testing.T) {
	for name, ch := range map[string]func() session.Change{
		"PutItem": func() session.Change {
			return session.Change{Context: &session.Context{Topic: "cramp", Facts: []string{"mine"}}}
		},
		"TransactWriteItems": func() session.Change {
			return session.Change{
				Context: &session.Context{Topic: "cramp", Facts: []string{"mine"}},
				Prefs:   &session.Prefs{History: session.ConsentGiven, Voice: "whisper"},
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			var c counter
			d := newDynamo(t, c.option)
			d.Now = storetest.NewClock(storetest.Start).Now
			base, err := d.Save(ctxT(t), "u", session.Snapshot{}, session.Change{Context: &session.Context{Topic: "cramp"}, Prefs: &session.Prefs{History: session.ConsentGiven}})
			if err != nil {
				t.Fatal(err)
			}
			other := ch()
			other.Context.Facts = []string{"theirs"}
			if other.Prefs != nil {
				other.Prefs.Voice = session.VoiceNormal
			}
			if _, err := d.Save(ctxT(t), "u", base, other); err != nil {
				t.Fatal(err)
			}
			c.take()
			mine := ch()
			mine.Night = &session.Night{Date: "2026-01-14", Topic: "cramp", Count: 1}
			got, err := d.Save(ctxT(t), "u", base, mine)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{name: 2, "TransactWriteItems": 1}
			if name == "TransactWriteItems" {
				want[name] = 3
			}
			if ops := c.take(); !maps.Equal(ops, want) {
				t.Errorf("stale writer sent %v, want %v (two writes of the context, one addition of the night)", ops, want)
			}
			if !got.Context.HasFact("mine") || !got.Context.HasFact("theirs") || got.Context.Version != 3 {
				t.Errorf("merged context = %+v", got.Context)
			}
			if len(got.Nights) != 1 || got.Nights[0].Count != 1 {
				t.Errorf("nights = %+v, want one with count 1", got.Nights)
			}
		})
	}
}
