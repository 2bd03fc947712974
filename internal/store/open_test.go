package store_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/nightlegs/nightlegs/internal/store"
)

// TestOpenNoCreateSendsNothing: under Lambda (NoCreate) opening DynamoDB
// sends no request, not even DescribeTable, though an endpoint is set;
// without NoCreate the same endpoint is asked about the table.
func TestOpenNoCreateSendsNothing(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	defer srv.Close()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Table: "t", Endpoint: srv.URL, NoCreate: true})
	if err != nil {
		t.Fatalf("Open with NoCreate: %v", err)
	}
	st.Close()
	if n := requests.Load(); n != 0 {
		t.Errorf("Open with NoCreate sent %d requests, want none", n)
	}
	if _, err := store.Open(ctx, store.Config{Table: "t", Endpoint: srv.URL}); err == nil {
		t.Error("Open without NoCreate succeeded against a server that fails every request")
	}
	if requests.Load() == 0 {
		t.Error("Open without NoCreate sent nothing: the console would not create its table")
	}
}
