package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

// BenchmarkGrowth measures the first turn of a session ("my calf is
// cramping", which reads everything kept about the listener) for a listener
// with 0, 10 and 90 nights kept, on moto_server and on the memory store,
// and reports what the store holds for them: items, their size as
// DynamoDB counts it, and the size of the answer (whose session attributes
// carry the last 30 nights).
func BenchmarkGrowth(b *testing.B) {
	endpoint := motoEndpoint(b)
	for _, nights := range []int{0, 10, 90} {
		for _, kind := range []string{"moto", "memory"} {
			b.Run(fmt.Sprintf("nights=%d/%s", nights, kind), func(b *testing.B) {
				var st skill.Store
				var table string
				if kind == "moto" {
					table = newTable(b, endpoint)
					d, err := store.NewDynamo(context.Background(), table, endpoint)
					if err != nil {
						b.Fatal(err)
					}
					st = d
				} else {
					st = store.NewMemory()
				}
				sk := newSkill(b, st, time.Now)
				user := warmUser(nights)
				seedNights(b, st, userKey(user), nights)
				body := conversation(b, newSkill(b, store.NewMemory(), time.Now), user, []string{"my calf is cramping"})[0]
				ctx := context.Background()
				var answer []byte
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if answer, err = sk.HandleJSON(ctx, body); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(answer)), "answer-bytes")
				if kind == "moto" {
					items, total, largest := partition(b, endpoint, table, userKey(user))
					b.ReportMetric(float64(items), "items")
					b.ReportMetric(float64(total), "stored-bytes")
					b.ReportMetric(float64(largest), "largest-item-bytes")
				}
			})
		}
	}
}

// seedNights keeps n nights for the listener with the given key, after
// their consent, on dates within the last 45 days, two topics a date.
func seedNights(tb testing.TB, st skill.Store, key string, n int) {
	tb.Helper()
	ctx := context.Background()
	snap, err := st.Save(ctx, key, session.Snapshot{}, session.Change{Prefs: &session.Prefs{History: session.ConsentGiven}})
	if err != nil {
		tb.Fatal(err)
	}
	topics := []session.Topic{"cramp", "restless"}
	for i := range n {
		date := time.Now().AddDate(0, 0, -1-i/len(topics)).Format(time.DateOnly)
		night := &session.Night{Date: date, Topic: topics[i%len(topics)], Level: "self_care", Outcome: "eased", Count: 1}
		if snap, err = st.Save(ctx, key, snap, session.Change{Night: night}); err != nil {
			tb.Fatal(err)
		}
	}
}

// partition returns the listener's items on the server: how many, their
// total size and the largest, as DynamoDB sizes items (what a Query reads
// and bills, 4 KB a read unit).
func partition(tb testing.TB, endpoint, table, key string) (items, total, largest int) {
	tb.Helper()
	out, err := dynamoClient(endpoint).Query(context.Background(), &dynamodb.QueryInput{
		TableName:                 &table,
		KeyConditionExpression:    aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "USER#" + key}},
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, it := range out.Items {
		n := itemSize(it)
		total += n
		largest = max(largest, n)
	}
	return len(out.Items), total, largest
}

// itemSize is an item's size by DynamoDB's rules: attribute names and
// values, numbers about one byte per two digits.
func itemSize(item map[string]types.AttributeValue) int {
	n := 0
	for name, v := range item {
		n += len(name) + valueSize(v)
	}
	return n
}

func valueSize(v types.AttributeValue) int {
	switch v := v.(type) {
	case *types.AttributeValueMemberS:
		return len(v.Value)
	case *types.AttributeValueMemberN:
		return (len(v.Value)+1)/2 + 1
	case *types.AttributeValueMemberB:
		return len(v.Value)
	case *types.AttributeValueMemberBOOL, *types.AttributeValueMemberNULL:
		return 1
	case *types.AttributeValueMemberL:
		n := 3
		for _, e := range v.Value {
			n += 1 + valueSize(e)
		}
		return n
	case *types.AttributeValueMemberM:
		n := 3
		for k, e := range v.Value {
			n += 1 + len(k) + valueSize(e)
		}
		return n
	case *types.AttributeValueMemberSS:
		n := 0
		for _, s := range v.Value {
			n += len(s)
		}
		return n
	}
	return 0
}
