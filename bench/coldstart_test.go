package bench

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

var (
	starts = flag.Int("starts", 30, "BenchmarkColdStart: cold starts of each program")
	also   = flag.String("also", "", "BenchmarkColdStart: the `path` of another build of the handler to time in the same run (an older commit's)")
)

// The Lambda Runtime API paths a Go function uses.
const (
	pathNext     = "/2018-06-01/runtime/invocation/next"
	benchRequest = "bench-request-1"
	benchSkillID = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001" // events/launch.json's
)

// posted is what a function answered its invocation with.
type posted struct {
	at   time.Time
	body []byte
	err  bool // posted to .../error
}

// runtimeAPI fakes Lambda's Runtime API for one start: it hands out one
// invocation, notes when the answer is posted, and then keeps the
// function waiting for the next, as Lambda does with a frozen one.
type runtimeAPI struct {
	event  []byte
	served atomic.Bool
	answer chan posted
}

func (f *runtimeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == pathNext:
		if !f.served.CompareAndSwap(false, true) {
			<-r.Context().Done()
			return
		}
		h := w.Header()
		h.Set("Lambda-Runtime-Aws-Request-Id", benchRequest)
		h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(30*time.Second).UnixMilli(), 10))
		h.Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:night-legs")
		h.Set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
		h.Set("Content-Type", "application/json")
		w.Write(f.event)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/2018-06-01/runtime/"):
		body, _ := io.ReadAll(r.Body)
		at := time.Now()
		w.WriteHeader(http.StatusAccepted)
		select {
		case f.answer <- posted{at: at, body: body, err: !strings.HasSuffix(r.URL.Path, "/response")}:
		default:
		}
	default:
		http.NotFound(w, r)
	}
}

// start is one measured cold start.
type start struct {
	took   time.Duration // process start to the answer posted
	maxRSS int64         // bytes
	body   []byte
	stderr string
}

// coldStart starts bin as Lambda would, with a Runtime API of its own on a
// fresh port, and times it from process start to its first answer.
func coldStart(bin string, env []string, event []byte) (start, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return start{}, err
	}
	api := &runtimeAPI{event: event, answer: make(chan posted, 1)}
	srv := &http.Server{Handler: api}
	go srv.Serve(ln)
	defer srv.Close()
	cmd := exec.Command(bin)
	cmd.Env = append(slices.Clone(env), "AWS_LAMBDA_RUNTIME_API="+ln.Addr().String())
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return start{}, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var s start
	select {
	case p := <-api.answer:
		s.took, s.body = p.at.Sub(t0), p.body
		if p.err {
			err = fmt.Errorf("the function reported an error: %s", p.body)
		}
	case werr := <-exited:
		return start{}, fmt.Errorf("exited before answering: %v\n%s", werr, stderr.String())
	case <-time.After(30 * time.Second):
		err = fmt.Errorf("no answer within 30s\n%s", stderr.String())
	}
	cmd.Process.Kill()
	<-exited
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	s.stderr = stderr.String()
	return s, err
}

// lambdaEnv is the environment Lambda gives a function, pointed at the
// local DynamoDB-protocol server, with an empty home: no shared AWS files.
func lambdaEnv(tb testing.TB, endpoint, table string) []string {
	return []string{
		"HOME=" + tb.TempDir(),
		"AWS_REGION=us-east-1", "AWS_DEFAULT_REGION=us-east-1",
		"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local", "AWS_SESSION_TOKEN=local",
		"AWS_LAMBDA_FUNCTION_NAME=night-legs", "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=256", "_HANDLER=bootstrap", "TZ=:UTC",
		"TABLE_NAME=" + table, "DYNAMODB_ENDPOINT=" + endpoint,
		"SKILL_ID=" + benchSkillID, "USER_KEY_SECRET=bench-secret-0123456789abcdef0123456789",
	}
}

// launchEvent is events/launch.json from a listener of its own.
func launchEvent(tb testing.TB, n int) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(), "events", "launch.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		tb.Fatal(err)
	}
	user := fmt.Sprintf("amzn1.ask.account.BENCH-COLD-%d-%d", os.Getpid(), n)
	env.Session.User.UserID, env.Context.System.User.UserID = user, user
	out, err := json.Marshal(env)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// program is one of the two programs BenchmarkColdStart compares.
type program struct {
	name, pkg, tags string
	check           func([]byte) error
	bin             string
	runs            []start
}

// BenchmarkColdStart builds the Lambda bootstrap and the floor program
// (bench/floor) and starts each -starts times, interleaved, against fake
// Runtime APIs and moto_server: process start to the first LaunchRequest
// answer posted. Run it once: go test -run '^$' -bench ColdStart
// -benchtime 1x ./bench.
func BenchmarkColdStart(b *testing.B) {
	endpoint := motoEndpoint(b)
	table := newTable(b, endpoint)
	env := lambdaEnv(b, endpoint, table)
	progs := []*program{
		{name: "Night Legs (make build: -tags lambda)", pkg: "handler", tags: "lambda,lambda.norpc", check: checkAlexa},
		{name: "floor (bench/floor)", pkg: "bench/floor", tags: "lambda.norpc", check: func(b []byte) error {
			if !strings.Contains(string(b), "Hello.") {
				return fmt.Errorf("unexpected answer %s", b)
			}
			return nil
		}},
	}
	for _, p := range progs {
		p.bin = build(b, p.pkg, p.tags)
	}
	if *also != "" {
		progs = append(progs, &program{name: "also: " + *also, bin: *also, check: checkAlexa})
	}
	n := 0
	for b.Loop() {
		for _, p := range progs {
			p.runs = nil
		}
		// One start each to warm the page cache and moto, not counted.
		for i := -1; i < *starts; i++ {
			order := slices.Clone(progs)
			if i%2 != 0 {
				slices.Reverse(order)
			}
			for _, p := range order {
				n++
				s, err := coldStart(p.bin, env, launchEvent(b, n))
				if err == nil {
					err = p.check(s.body)
				}
				if err != nil {
					b.Fatalf("%s: start %d: %v", p.name, i, err)
				}
				if i >= 0 {
					p.runs = append(p.runs, s)
				}
			}
		}
	}
	nl, fl := durations(progs[0].runs), durations(progs[1].runs)
	ratio := float64(percentile(nl, 50)) / float64(percentile(fl, 50))
	b.ReportMetric(float64(percentile(nl, 50))/1e6, "ms-median")
	b.ReportMetric(float64(percentile(nl, 95))/1e6, "ms-p95")
	b.ReportMetric(ratio, "x-floor")

	var out strings.Builder
	fmt.Fprintf(&out, "\nCold start: process start to the first LaunchRequest answer posted, %d starts each, interleaved,\n", *starts)
	fmt.Fprintf(&out, "fake Lambda Runtime API on a fresh port each start, moto_server on loopback. %s\n\n", machine())
	fmt.Fprintf(&out, "| program | median | p95 | min | max | peak RSS (median) | binary, stripped (%s; linux/arm64) |\n", runtime.GOARCH)
	fmt.Fprintf(&out, "| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, p := range progs {
		ds := durations(p.runs)
		fmt.Fprintf(&out, "| %s | %s | %s | %s | %s | %.1f MiB | %s; %s |\n", p.name,
			ms(percentile(ds, 50)), ms(percentile(ds, 95)), ms(slices.Min(ds)), ms(slices.Max(ds)),
			float64(medianRSS(p.runs))/(1<<20), fileSize(b, p.bin), crossSize(b, p))
	}
	fmt.Fprintf(&out, "\nNight Legs / floor: %.2fx at the median, %.2fx at p95.\n", ratio,
		float64(percentile(nl, 95))/float64(percentile(fl, 95)))
	fmt.Fprintf(&out, "Package initialisation of Night Legs' own packages (GODEBUG=inittrace=1, median of 10 starts): %s\n",
		initTrace(b, progs[0].bin, env))
	fmt.Print(out.String())
}

func checkAlexa(body []byte) error {
	var resp alexa.ResponseEnvelope
	if err := json.Unmarshal(body, &resp); err != nil {
		return fmt.Errorf("answer is not an Alexa response: %v: %s", err, body)
	}
	if resp.Response.OutputSpeech == nil || resp.Response.OutputSpeech.SSML == "" {
		return fmt.Errorf("answer says nothing: %s", body)
	}
	return nil
}

func durations(runs []start) []time.Duration {
	ds := make([]time.Duration, len(runs))
	for i, r := range runs {
		ds[i] = r.took
	}
	return ds
}

func medianRSS(runs []start) int64 {
	rs := make([]int64, len(runs))
	for i, r := range runs {
		rs[i] = r.maxRSS
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}

func fileSize(tb testing.TB, path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("%.2f MB", float64(fi.Size())/1e6)
}

// crossSize is the size of p built for linux/arm64, what template.yaml
// runs.
func crossSize(tb testing.TB, p *program) string {
	tb.Helper()
	if p.pkg == "" {
		return "-"
	}
	out := p.bin + "-arm64"
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-tags", p.tags, "-o", out, "./" + p.pkg}
	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot()
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=arm64", "GOFLAGS=-buildvcs=false")
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build %s for arm64: %v\n%s", p.pkg, err, b)
	}
	return fileSize(tb, out)
}

var initLine = regexp.MustCompile(`^init (github\.com/nightlegs/\S+) @\S+ ms, ([0-9.]+) ms clock`)

// initTrace is the median over 10 starts of the time package
// initialisation of the project's own packages took, summed.
func initTrace(tb testing.TB, bin string, env []string) string {
	tb.Helper()
	var totals []time.Duration
	for i := range 10 {
		s, err := coldStart(bin, append(slices.Clone(env), "GODEBUG=inittrace=1"), launchEvent(tb, 1_000_000+i))
		if err != nil {
			tb.Fatal(err)
		}
		var total float64
		for _, line := range strings.Split(s.stderr, "\n") {
			if m := initLine.FindStringSubmatch(line); m != nil {
				v, _ := strconv.ParseFloat(m[2], 64)
				total += v
			}
		}
		totals = append(totals, time.Duration(total*1e6))
	}
	return fmt.Sprintf("%.2f ms (min %.2f ms)", float64(percentile(totals, 50))/1e6, float64(slices.Min(totals))/1e6)
}
