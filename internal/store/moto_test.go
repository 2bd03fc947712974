package store_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/store/mototest"
)

// The DynamoDB tests talk to a real DynamoDB-protocol server: moto's
// moto_server, started once on a free loopback port when the first test
// needs it, or the server DYNAMODB_ENDPOINT names. They never skip: a store
// test that does not run hides a broken store, so a missing server fails
// them (`make moto` installs it).

func TestMain(m *testing.M) {
	code := m.Run()
	mototest.Stop()
	os.Exit(code)
}

// endpoint returns the DynamoDB endpoint for tests (internal/store/mototest).
func endpoint(tb testing.TB) string {
	tb.Helper()
	return mototest.Endpoint(tb)
}

var tables atomic.Int64

// motoLock serializes the tests' requests to moto_server. Moto applies
// concurrent transactions without isolation: 20 parallel
// TransactWriteItems that each ADD 1 to one item left 18 or 19 (moto
// 5.2.1, measured). DynamoDB serializes the writes to an item, so the
// requests go to moto one at a time: the sessions of a test still
// interleave their requests as they would against DynamoDB.
var motoLock sync.Mutex

// serialized is an HTTP client that sends one request at a time.
type serialized struct{ next dynamodb.HTTPClient }

func (s serialized) Do(r *http.Request) (*http.Response, error) {
	motoLock.Lock()
	defer motoLock.Unlock()
	resp, err := s.next.Do(r)
	if err != nil {
		return nil, err
	}
	// Read the answer before the next request goes.
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, err
}

// serialize makes a store's client send one request at a time to moto.
func serialize(o *dynamodb.Options) {
	next := o.HTTPClient
	if next == nil {
		next = awshttp.NewBuildableClient()
	}
	o.HTTPClient = serialized{next}
}

// newDynamo returns a store on a fresh table of the test server.
func newDynamo(tb testing.TB, opts ...func(*dynamodb.Options)) *store.Dynamo {
	tb.Helper()
	ep := endpoint(tb)
	name := fmt.Sprintf("nightlegs-test-%d-%d", os.Getpid(), tables.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	d, err := store.NewDynamo(ctx, name, ep, append([]func(*dynamodb.Options){serialize}, opts...)...)
	if err != nil {
		tb.Fatalf("NewDynamo: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := d.Client().DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: &name}); err != nil && !strings.Contains(err.Error(), "ResourceNotFound") {
			tb.Errorf("delete table %s: %v", name, err)
		}
	})
	return d
}
