// Package mototest gives tests a real DynamoDB-protocol server: moto's
// moto_server, started once per test binary on a free loopback port when
// the first test needs it, or the server DYNAMODB_ENDPOINT names. Tests
// that use it never skip: a store test that does not run hides a broken
// store, so a missing server fails them (`make moto` installs it).
package mototest

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

var server struct {
	once     sync.Once
	endpoint string
	err      error
	proc     *os.Process
	exited   chan error
	out      bytes.Buffer
}

// Endpoint returns the DynamoDB endpoint, starting moto_server if needed.
func Endpoint(tb testing.TB) string {
	tb.Helper()
	if e := os.Getenv("DYNAMODB_ENDPOINT"); e != "" {
		return e
	}
	server.once.Do(start)
	if server.err != nil {
		tb.Fatalf("no DynamoDB-protocol server: %v\n(run `make moto`, or set DYNAMODB_ENDPOINT)", server.err)
	}
	return server.endpoint
}

// Stop ends the moto_server Endpoint started, if any; TestMain calls it
// after the tests.
func Stop() {
	if server.proc != nil {
		server.proc.Kill()
		<-server.exited
	}
}

func start() {
	port, err := freePort()
	if err != nil {
		server.err = err
		return
	}
	args := []string{"-H", "127.0.0.1", "-p", port}
	cmd := exec.Command("moto_server", args...)
	if _, err := exec.LookPath("moto_server"); err != nil {
		// pip may have put the package where its script is not on PATH.
		cmd = exec.Command("python3", append([]string{"-m", "moto.server"}, args...)...)
	}
	cmd.Stdout, cmd.Stderr = &server.out, &server.out
	if err := cmd.Start(); err != nil {
		server.err = fmt.Errorf("start moto_server: %w", err)
		return
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	url := "http://127.0.0.1:" + port
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		select {
		case err := <-exited:
			server.err = fmt.Errorf("moto_server exited: %v\n%s", err, server.out.String())
			return
		case <-time.After(50 * time.Millisecond):
		}
		if resp, err := http.Get(url + "/moto-api/"); err == nil {
			resp.Body.Close()
			server.endpoint, server.proc, server.exited = url, cmd.Process, exited
			return
		}
	}
	cmd.Process.Kill()
	<-exited
	server.err = fmt.Errorf("moto_server did not answer on %s within 30s\n%s", url, server.out.String())
}

func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	_, port, err := net.SplitHostPort(l.Addr().String())
	return port, err
}
