package bench

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

var (
	listeners = flag.Int("listeners", 10, "TestLoad: simulated listeners, each saying one of the scripts (make bench: 200)")
	think     = flag.Duration("think", 0, "TestLoad: a listener's pause between turns, on average (make bench: 2s); the first turns are spread over it")
)

// loadScripts are what the simulated listeners say, ten turns each, ending
// in an open session so the last answer carries the context the store must
// hold. Between them they cover a conversation with its answers, a routine
// with its controls, a change of voice, questions, a red flag that ends a
// session and a new session that picks up what was stored.
var loadScripts = [][]string{
	{"my calf is cramping", "no", "yes", "yes", "yes", "next", "slower", "next", "go back", "which step am i on"},
	{"my hip hurts at night", "no", "no", "yes", "speak softly", "why does it hurt at night", "when should i see a doctor", "yes", "no", "help"},
	{"my legs feel restless", "yes", "no", "what can i do", "how can i prevent it", "open night legs", "my foot is cramping", "i don't know", "yes", "yes"},
}

// httpSkill posts request JSON to -serve.
type httpSkill struct {
	url    string
	client *http.Client
	mu     *sync.Mutex
	took   *[]time.Duration
}

func (h httpSkill) HandleJSON(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	t0 := time.Now()
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	took := time.Since(t0)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, out)
	}
	h.mu.Lock()
	*h.took = append(*h.took, took)
	h.mu.Unlock()
	return out, nil
}

// serveOnMoto starts the handler's -serve on a fresh table and returns its
// URL and its log, which the caller reads after stopping it.
func serveOnMoto(tb testing.TB) (url, table, endpoint string, stop func() string) {
	tb.Helper()
	endpoint = motoEndpoint(tb)
	table = newTable(tb, endpoint)
	cmd := exec.Command(build(tb, "handler", ""), "-serve", "127.0.0.1:0", "-insecure-local")
	cmd.Env = []string{
		"HOME=" + tb.TempDir(), "AWS_REGION=us-east-1", "AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local",
		"TABLE_NAME=" + table, "DYNAMODB_ENDPOINT=" + endpoint, "SKILL_ID=" + benchSkillID,
		"USER_KEY_SECRET=bench-secret-0123456789abcdef0123456789", "LOG_LEVEL=warn",
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	var log bytes.Buffer
	addr := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(errPipe)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "Night Legs: answering Alexa request JSON posted to "); ok {
				addr <- rest
				continue
			}
			log.WriteString(line + "\n")
		}
	}()
	select {
	case url = <-addr:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		tb.Fatalf("-serve did not start:\n%s", log.String())
	}
	return url, table, endpoint, func() string {
		cmd.Process.Signal(interrupt)
		<-done
		cmd.Wait()
		return log.String()
	}
}

// TestLoad: many listeners at once, each saying a script of ten turns to
// -serve on moto_server. No turn fails, nothing is logged at error level,
// and every listener's stored context is exactly the one its last answer
// carried. It reports the latency of a turn as a listener's device sees
// it. make test runs it small; make bench with -listeners=200.
func TestLoad(t *testing.T) {
	url, table, endpoint, stop := serveOnMoto(t)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()
	var mu sync.Mutex
	var took []time.Duration
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *listeners}, Timeout: 30 * time.Second}
	type listener struct {
		user   string
		script []string
		dev    *device.Device
		last   *device.Exchange
		err    error
	}
	ls := make([]*listener, *listeners)
	for i := range ls {
		l := &listener{user: fmt.Sprintf("amzn1.ask.account.BENCH-LOAD-%05d", i), script: loadScripts[i%len(loadScripts)]}
		dev, err := device.New(httpSkill{url: url, client: client, mu: &mu, took: &took}, device.Config{SkillID: benchSkillID, UserID: l.user})
		if err != nil {
			t.Fatal(err)
		}
		l.dev, ls[i] = dev, l
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, l := range ls {
		rnd := rand.New(rand.NewPCG(uint64(i), 13))
		wg.Go(func() {
			<-start
			for k, line := range l.script {
				// People pause between turns; the first turns are spread
				// over one pause.
				if *think > 0 {
					d := *think / 2
					if k == 0 {
						d = 0
					}
					time.Sleep(d + time.Duration(rnd.Int64N(int64(*think))))
				}
				x, err := l.dev.Say(context.Background(), line)
				if err != nil {
					l.err = fmt.Errorf("%q: %w", line, err)
					return
				}
				if x.Response != nil && x.Response.Response.OutputSpeech != nil && strings.Contains(x.Response.Response.OutputSpeech.SSML, "something went wrong") {
					l.err = fmt.Errorf("%q: the skill apologised", line)
					return
				}
				l.last = x
			}
		})
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	wall := time.Since(t0)
	log := stop()
	stopped = true

	failed, logged, mismatched := 0, strings.Count(log, `"level":"ERROR"`), 0
	st, err := store.NewDynamo(context.Background(), table, endpoint)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if l.err != nil {
			failed++
			t.Errorf("listener %s: %v", l.user, l.err)
		} else if !checkStored(t, st, l.user, l.last) {
			mismatched++
		}
	}
	if logged > 0 {
		t.Errorf("-serve logged %d errors:\n%s", logged, log)
	}
	p50, p99 := percentile(took, 50), percentile(took, 99)
	fmt.Printf("\nLoad: %d listeners, %d turns each (pausing %v between turns on average), through -serve on moto_server. %s\n\n",
		*listeners, len(loadScripts[0]), *think, machine())
	fmt.Printf("| listeners | requests | p50 | p99 | max | wall | requests/s | listeners failed | errors logged | stored context not the last carried |\n")
	fmt.Printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	fmt.Printf("| %d | %d | %s | %s | %s | %.1f s | %.0f | %d | %d | %d |\n", *listeners, len(took), ms(p50), ms(p99), ms(slices.Max(took)),
		wall.Seconds(), float64(len(took))/wall.Seconds(), failed, logged, mismatched)
}

// checkStored fails unless the context stored for user is exactly the one
// the listener's last answer carried in its session attributes.
func checkStored(t *testing.T, st *store.Dynamo, user string, last *device.Exchange) bool {
	t.Helper()
	if last == nil || !last.Open {
		t.Fatalf("%s: the script must end in an open session, so the last answer carries the context", user)
	}
	raw, err := json.Marshal(last.Response.SessionAttributes[skill.AttrContext])
	if err != nil {
		t.Fatal(err)
	}
	var carried session.Context
	if err := json.Unmarshal(raw, &carried); err != nil {
		t.Fatal(err)
	}
	snap, err := st.Load(context.Background(), userKey(user))
	if err != nil {
		t.Errorf("%s: load: %v", user, err)
		return false
	}
	want, _ := json.Marshal(carried)
	got, _ := json.Marshal(snap.Context)
	if !bytes.Equal(got, want) {
		t.Errorf("%s: stored context is not what the turns wrote:\nstored  %s\ncarried %s", user, got, want)
		return false
	}
	return true
}

// userKey is the store key of an Alexa user ID, as skill.Skill computes it
// with the bench's USER_KEY_SECRET.
func userKey(user string) string {
	m := hmac.New(sha256.New, []byte("bench-secret-0123456789abcdef0123456789"))
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil))
}
