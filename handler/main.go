// Command handler is Night Legs' only program. Under AWS Lambda it answers
// Alexa requests; on a laptop it opens a console where you type what you
// would say and read what the speaker would say, or, with -serve, answers
// the same Alexa JSON over HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/nightlegs/nightlegs/intents"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// config is everything the program can be told, by flags or, under Lambda,
// by environment variables.
type config struct {
	serve         string
	insecureLocal bool
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
	if err := run(context.Background(), cfg); err != nil {
		fmt.Fprintln(os.Stderr, "night legs:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	cfg := config{
		skillID:       os.Getenv("SKILL_ID"),
		tableName:     os.Getenv("TABLE_NAME"),
		endpoint:      os.Getenv("DYNAMODB_ENDPOINT"),
		logLevel:      envOr("LOG_LEVEL", "info"),
		userKeySecret: os.Getenv("USER_KEY_SECRET"),
	}
	fs := flag.NewFlagSet("handler", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Night Legs: an Alexa skill for leg and hip pain at night.

Usage:
  handler                      open a console: type what you would say
  handler -serve ADDR -insecure-local
                               answer Alexa request JSON posted to ADDR
Under AWS Lambda (AWS_LAMBDA_RUNTIME_API set) it serves Alexa requests.

Flags:
`)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), `
Environment (Lambda and local):
  SKILL_ID           only accept requests for this skill ID
  TABLE_NAME         keep context in this DynamoDB table
  DYNAMODB_ENDPOINT  DynamoDB endpoint for local development
  USER_KEY_SECRET    secret for hashing Alexa user IDs into store keys
  LOG_LEVEL          debug, info, warn or error (default info)
`)
	}
	fs.StringVar(&cfg.serve, "serve", "", "serve Alexa JSON over HTTP on `ADDR` (such as 127.0.0.1:8080)")
	fs.BoolVar(&cfg.insecureLocal, "insecure-local", false, "allow -serve without request verification (loopback addresses only)")
	fs.BoolVar(&cfg.jsonOut, "json", false, "console: print each turn's complete Alexa response as one JSON line")
	fs.StringVar(&cfg.locale, "locale", "en-US", "console: the listener's `locale`")
	fs.StringVar(&cfg.user, "user", "amzn1.ask.account.local-console", "console: the listener's Alexa user `ID`")
	fs.StringVar(&cfg.storePath, "store", defaultStorePath(), "console and -serve: the embedded store's `file`")
	fs.BoolVar(&cfg.memory, "memory", false, "keep nothing between runs")
	fs.StringVar(&cfg.skillID, "skill-id", cfg.skillID, "only accept requests for this skill `ID` (env SKILL_ID)")
	fs.StringVar(&cfg.logLevel, "log-level", cfg.logLevel, "log `level`: debug, info, warn or error (env LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %s (see -h)", strings.Join(fs.Args(), " "))
	}
	return cfg, nil
}

func run(ctx context.Context, cfg config) error {
	log, err := newLogger(cfg.logLevel)
	if err != nil {
		return err
	}
	slog.SetDefault(log)
	lib, err := content.Default()
	if err != nil {
		return fmt.Errorf("load content: %w", err)
	}
	guard, err := triage.NewGuard(lib)
	if err != nil {
		return fmt.Errorf("load triage: %w", err)
	}
	sk := &skill.Skill{
		Router:        intents.New(lib),
		Triage:        guard,
		SkillID:       cfg.skillID,
		UserKeySecret: []byte(cfg.userKeySecret),
		StoreTimeout:  time.Second,
		Log:           log,
	}
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") != "" {
		lambda.Start(sk.Handle)
		return nil
	}
	return fmt.Errorf("console and -serve: not built yet")
}

func newLogger(level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	// Logs go to standard error: standard output belongs to the console.
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l})), nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func defaultStorePath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "night-legs.db"
	}
	return dir + "/night-legs/night-legs.db"
}
