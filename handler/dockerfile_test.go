package main

import (
	"bufio"
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	op, args string
}

func readDockerfile(t *testing.T, path string) []instruction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []instruction
	var line string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if line == "" && (text == "" || strings.HasPrefix(text, "#")) {
			continue
		}
		if cont, ok := strings.CutSuffix(text, `\`); ok {
			line += cont + " "
			continue
		}
		line += text
		op, args, _ := strings.Cut(line, " ")
		out = append(out, instruction{strings.ToUpper(op), strings.TrimSpace(args)})
		line = ""
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDockerfile checks the self-hosting image without Docker (there is no
// engine here): a Go build stage on go.mod's Go version that builds this
// package statically, and a final distroless (or scratch) stage that runs
// it as -serve, verified, as a non-root user. It then runs the build
// stage's build command itself and checks the binary is static.
func TestDockerfile(t *testing.T) {
	ins := readDockerfile(t, filepath.Join("..", "Dockerfile"))
	var stages [][]instruction
	for _, in := range ins {
		if in.op == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			if in.op != "ARG" {
				t.Fatalf("%s before the first FROM", in.op)
			}
			continue
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], in)
	}
	if len(stages) < 2 {
		t.Fatalf("%d stages, want a build stage and a final one", len(stages))
	}

	// The build stage: golang at go.mod's version.
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go ([0-9.]+)$`).FindSubmatch(mod)
	if goVersion == nil {
		t.Fatal("no go directive in go.mod")
	}
	build := stages[0]
	from := strings.Fields(build[0].args)
	image := from[slices.IndexFunc(from, func(s string) bool { return !strings.HasPrefix(s, "--") })]
	if image != "golang:"+string(goVersion[1]) {
		t.Errorf("build stage FROM %s, want golang:%s (go.mod)", image, goVersion[1])
	}
	stageName := from[len(from)-1]
	if len(from) < 3 || !strings.EqualFold(from[len(from)-2], "AS") {
		t.Fatalf("build stage is not named: FROM %s", build[0].args)
	}
	var buildCmd string
	for _, in := range build {
		if in.op == "RUN" && strings.Contains(in.args, "go build") {
			buildCmd = in.args
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "go build", " ./handler", "-o /out/handler"} {
		if !strings.Contains(buildCmd, want) {
			t.Errorf("build command %q lacks %q", buildCmd, want)
		}
	}

	// The final stage: distroless static or scratch, the binary from the
	// build stage, verified -serve, not root.
	final := stages[len(stages)-1]
	base := strings.Fields(final[0].args)[0]
	if !strings.HasPrefix(base, "gcr.io/distroless/static") && base != "scratch" {
		t.Errorf("final stage FROM %s, want gcr.io/distroless/static or scratch", base)
	}
	var entry []string
	var user string
	copied := false
	for _, in := range final {
		switch in.op {
		case "COPY":
			if strings.HasPrefix(in.args, "--from="+stageName+" /out/handler ") {
				copied = true
			}
		case "USER":
			user = in.args
		case "ENTRYPOINT":
			if err := json.Unmarshal([]byte(in.args), &entry); err != nil {
				t.Errorf("ENTRYPOINT not in exec form: %s", in.args)
			}
		}
	}
	if !copied {
		t.Errorf("final stage does not copy /out/handler from stage %s", stageName)
	}
	if user == "" || user == "root" || strings.HasPrefix(user, "0") {
		t.Errorf("final stage runs as %q, want a non-root user", user)
	}
	if len(entry) == 0 || !slices.Contains(entry, "-serve") || slices.Contains(entry, "-insecure-local") {
		t.Errorf("ENTRYPOINT %q, want the handler with -serve and without -insecure-local", entry)
	}
	if _, err := parseFlags(entry[1:]); err != nil {
		t.Errorf("ENTRYPOINT flags: %v", err)
	}

	// The build stage's build, here, into a temporary /out. The target is
	// linux/arm64, as `make build` builds for Lambda, so that the two share
	// the build cache: compiled cold, the dependencies take minutes on a
	// busy 2-core machine, and `make test` builds them for Lambda anyway.
	out := t.TempDir()
	cmd := exec.Command("sh", "-c", strings.ReplaceAll(buildCmd, "/out", out))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "TARGETOS=linux", "TARGETARCH=arm64")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the Dockerfile's build command failed: %v\n%s", err, b)
	}
	bin, err := elf.Open(filepath.Join(out, "handler"))
	if err != nil {
		t.Fatal(err)
	}
	defer bin.Close()
	if bin.Machine != elf.EM_AARCH64 {
		t.Errorf("built for %v, want TARGETARCH's arm64", bin.Machine)
	}
	for _, p := range bin.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the Dockerfile builds a dynamically linked binary: it would not run on distroless/static")
		}
	}
	if libs, _ := bin.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v", libs)
	}
}
