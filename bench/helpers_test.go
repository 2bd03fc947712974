package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/store/mototest"
)

// The benchmarks talk to a real DynamoDB-protocol server, moto_server,
// started once on a free loopback port, or the server DYNAMODB_ENDPOINT
// names. As in the store tests, a missing server fails them.

// built holds the programs built for this run, in a directory removed at
// the end.
var built struct {
	mu   sync.Mutex
	dir  string
	bins map[string]string
}

func TestMain(m *testing.M) {
	code := m.Run()
	mototest.Stop()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// motoEndpoint returns the DynamoDB endpoint (internal/store/mototest).
func motoEndpoint(tb testing.TB) string {
	tb.Helper()
	return mototest.Endpoint(tb)
}

var tables atomic.Int64

// newTable creates a fresh table on the server, as template.yaml declares
// it, and returns its name.
func newTable(tb testing.TB, endpoint string) string {
	tb.Helper()
	name := fmt.Sprintf("nightlegs-bench-%d-%d", os.Getpid(), tables.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := store.NewDynamo(ctx, name, endpoint); err != nil {
		tb.Fatalf("create table: %v", err)
	}
	return name
}

// dynamoClient is a plain SDK client of the server, for looking at items
// as they are stored.
func dynamoClient(endpoint string) *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
	})
}

// repoRoot is the module's root, from this package's directory.
func repoRoot() string { return filepath.Join("..") }

// build builds pkg (relative to the repository root) the way the Makefile
// builds the Lambda function, for this machine's architecture, once per
// run, and returns the binary's path.
func build(tb testing.TB, pkg string, tags string) string {
	tb.Helper()
	built.mu.Lock()
	defer built.mu.Unlock()
	key := pkg + " " + tags
	if p, ok := built.bins[key]; ok {
		return p
	}
	if built.dir == "" {
		dir, err := os.MkdirTemp("", "nightlegs-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		built.dir, built.bins = dir, map[string]string{}
	}
	out := filepath.Join(built.dir, fmt.Sprintf("bin%d", len(built.bins)))
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	cmd := exec.Command("go", append(args, "./"+pkg)...)
	cmd.Dir = repoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-buildvcs=false")
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	built.bins[key] = out
	return out
}

// percentile returns the p-th percentile (0 < p <= 100) of ds by the
// nearest-rank method.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// machine describes where the figures were taken.
func machine() string {
	model := runtime.GOARCH
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range bytes.Split(b, []byte("\n")) {
			if k, v, ok := bytes.Cut(line, []byte(":")); ok && bytes.Equal(bytes.TrimSpace(k), []byte("model name")) {
				model = string(bytes.TrimSpace(v))
				break
			}
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := bytes.Fields(b)
		if len(f) >= 3 {
			load = fmt.Sprintf(", load average %s %s %s", f[0], f[1], f[2])
		}
	}
	return fmt.Sprintf("%s, %d CPUs, %s/%s, %s%s", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), load)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
