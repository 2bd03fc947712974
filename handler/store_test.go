package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestLambdaOpensStoreSilently: under Lambda, opening the store sends
// nothing to DynamoDB, even with DYNAMODB_ENDPOINT set, so a cold start
// waits on no DescribeTable; the console and -serve still ask (and create
// the table).
func TestLambdaOpensStoreSilently(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	st, err := openStore(ctx, config{lambda: true, tableName: "night-legs", endpoint: srv.URL}, log)
	if err != nil {
		t.Fatalf("open under Lambda: %v", err)
	}
	st.Close()
	if n := requests.Load(); n != 0 {
		t.Errorf("opening the store under Lambda sent %d requests, want none", n)
	}
	if _, err := openStore(ctx, config{tableName: "night-legs", endpoint: srv.URL}, log); err == nil || requests.Load() == 0 {
		t.Errorf("the console opened a table it could not ask about (err %v, %d requests)", err, requests.Load())
	}
}
