// Command handler is Night Legs' only program. Under AWS Lambda it answers
// Alexa requests; on a laptop it opens a console where you type what you
// would say and read what the speaker would say, or, with -serve, answers
// the same Alexa JSON over HTTP.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/nightlegs/nightlegs/intents"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

// config is everything the program can be told, by flags or, under Lambda,
// by environment variables.
type config struct {
	serve         string
	insecureLocal bool
	tlsCert       string
	tlsKey        string
	jsonOut       bool
	locale        string
	user          string
	storePath     string
	memory        bool
	skillID       string
	tableName     string
	endpoint      string
	logLevel      string
	userKeySecret string
	// lambda is set when AWS Lambda runs the program.
	lambda bool
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err = run(ctx, cfg, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "night legs:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	cfg := config{
		skillID:       os.Getenv("SKILL_ID"),
		tableName:     os.Getenv("TABLE_NAME"),
		endpoint:      os.Getenv("DYNAMODB_ENDPOINT"),
		logLevel:      os.Getenv("LOG_LEVEL"),
		userKeySecret: os.Getenv("USER_KEY_SECRET"),
		lambda:        os.Getenv("AWS_LAMBDA_RUNTIME_API") != "",
	}
	fs := flag.NewFlagSet("handler", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Night Legs: an Alexa skill for leg and hip pain at night.

Usage:
  handler                      open a console: type what you would say
  handler -serve ADDR [-tls-cert FILE -tls-key FILE]
                               answer Alexa at ADDR (such as :8443), verifying
                               that every request comes from Alexa for SKILL_ID;
                               plain HTTP behind a TLS proxy, or HTTPS itself
  handler -serve ADDR -insecure-local
                               answer Alexa request JSON posted to ADDR, without
                               verifying it: for local tools, on loopback only
Under AWS Lambda (AWS_LAMBDA_RUNTIME_API set) it serves Alexa requests.

Flags:
`)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), `
Environment (Lambda and local):
  SKILL_ID           only accept requests for this skill ID (required under Lambda
                     and by -serve without -insecure-local)
  TABLE_NAME         keep context in this DynamoDB table
  DYNAMODB_ENDPOINT  DynamoDB endpoint for local development
  USER_KEY_SECRET    secret for hashing Alexa user IDs into store keys
                     (under Lambda at least 32 bytes: openssl rand -hex 32)
  LOG_LEVEL          debug, info, warn or error (default info)
  HTTPS_PROXY        -serve fetches Alexa's signing certificates through it
  SSL_CERT_FILE, SSL_CERT_DIR
                     the roots -serve trusts (default: the system's)
`)
	}
	fs.StringVar(&cfg.serve, "serve", "", "serve Alexa JSON over HTTP on `ADDR` (such as 127.0.0.1:8080)")
	fs.BoolVar(&cfg.insecureLocal, "insecure-local", false, "allow -serve without request verification (loopback addresses only)")
	fs.StringVar(&cfg.tlsCert, "tls-cert", "", "-serve: serve HTTPS with this PEM certificate chain `file` (with -tls-key)")
	fs.StringVar(&cfg.tlsKey, "tls-key", "", "-serve: the PEM private key `file` of -tls-cert")
	fs.BoolVar(&cfg.jsonOut, "json", false, "console: print each turn's complete Alexa response as one JSON line")
	fs.StringVar(&cfg.locale, "locale", "en-US", "console: the listener's `locale`")
	fs.StringVar(&cfg.user, "user", "amzn1.ask.account.local-console", "console: the listener's Alexa user `ID`")
	fs.StringVar(&cfg.storePath, "store", defaultStorePath(), "console and -serve: the embedded store's `file`")
	fs.BoolVar(&cfg.memory, "memory", false, "keep nothing between runs")
	fs.StringVar(&cfg.skillID, "skill-id", cfg.skillID, "only accept requests for this skill `ID` (env SKILL_ID)")
	fs.StringVar(&cfg.logLevel, "log-level", cfg.logLevel, "log `level`: debug, info, warn or error (env LOG_LEVEL; default info, warn in the console)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %s (see -h)", strings.Join(fs.Args(), " "))
	}
	return cfg, nil
}

// run is the program, with its input and output passed in so tests can
// drive it: under Lambda it serves Alexa; with -serve it answers HTTP until
// ctx is done; otherwise it is the console, until end of input.
func run(ctx context.Context, cfg config, stdin io.Reader, stdout, stderr io.Writer) error {
	level := cfg.logLevel
	if level == "" {
		level = "info"
		if !cfg.lambda && cfg.serve == "" {
			// The console's own output is the point; a log line per turn
			// would bury it.
			level = "warn"
		}
	}
	log, err := newLogger(level, stderr)
	if err != nil {
		return err
	}
	slog.SetDefault(log)
	if cfg.serve == "" && (cfg.tlsCert != "" || cfg.tlsKey != "") {
		return errors.New("-tls-cert and -tls-key are for -serve")
	}
	var cert *tls.Certificate
	if cfg.serve != "" {
		// Refuse before opening anything.
		if err := checkServe(cfg); err != nil {
			return err
		}
		if cert, err = loadTLS(cfg); err != nil {
			return err
		}
	}
	if cfg.lambda {
		if err := checkLambda(cfg); err != nil {
			log.Error("refusing to start", "reason", err)
			return err
		}
	}
	sk, err := newSkill(cfg, log)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	if st != nil {
		sk.Store = st
		defer func() {
			if err := st.Close(); err != nil {
				log.Error("close store", "err", err)
			}
		}()
	}
	switch {
	case cfg.lambda:
		lambda.StartWithOptions(sk.Handle, lambda.WithContext(ctx))
		return nil
	case cfg.serve != "":
		return serve(ctx, cfg, cert, sk, stderr)
	}
	return runConsole(ctx, cfg, sk, stdin, stdout, stderr)
}

// minSecret is the shortest USER_KEY_SECRET accepted under Lambda: 32
// bytes, the length of the HMAC-SHA256 key the hash is keyed with (and
// template.yaml's MinLength). A short one would make the hashed user IDs
// guessable from the IDs alone.
const minSecret = 32

// checkLambda refuses a configuration that would serve Alexa insecurely:
// without SKILL_ID any skill could call the function, and without a
// strong USER_KEY_SECRET the table's keys could be linked back to Alexa
// user IDs.
func checkLambda(cfg config) error {
	var problems []string
	if cfg.skillID == "" {
		problems = append(problems, "SKILL_ID is not set: requests of any skill would be answered")
	}
	if n := len(cfg.userKeySecret); n < minSecret {
		problems = append(problems, fmt.Sprintf("USER_KEY_SECRET is %d bytes, want at least %d (openssl rand -hex 32)", n, minSecret))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// newSkill assembles the skill, without a store: conversations, triage and
// configuration.
func newSkill(cfg config, log *slog.Logger) (*skill.Skill, error) {
	return intents.NewSkill(intents.Options{
		SkillID:       cfg.skillID,
		UserKeySecret: []byte(cfg.userKeySecret),
		StoreTimeout:  time.Second,
		Log:           log,
	})
}

// openStore opens the store the configuration picks. Under Lambda only
// DynamoDB makes sense (the file system is not kept); without TABLE_NAME the
// skill keeps nothing between sessions.
func openStore(ctx context.Context, cfg config, log *slog.Logger) (store.Store, error) {
	// Under Lambda the table exists (the stack made it): opening sends
	// nothing, so a cold start waits on no DescribeTable.
	sc := store.Config{Table: cfg.tableName, Endpoint: cfg.endpoint, Path: cfg.storePath, Memory: cfg.memory, NoCreate: cfg.lambda}
	if cfg.lambda && sc.Table == "" && sc.Endpoint == "" {
		log.Warn("no TABLE_NAME: nothing is kept between sessions")
		return nil, nil
	}
	st, err := store.Open(ctx, sc)
	if err != nil {
		return nil, err
	}
	return st, nil
}

func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	// Logs go to standard error: standard output belongs to the console.
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

func defaultStorePath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "night-legs.db"
	}
	return dir + "/night-legs/night-legs.db"
}
