package store

import (
	"context"
	"fmt"

	"github.com/nightlegs/nightlegs/internal/session"
)

// DefaultTable is the table used when only an endpoint is configured.
const DefaultTable = "night-legs"

// Config chooses a store, as the handler's configuration does: DynamoDB
// when Table (TABLE_NAME) or Endpoint (DYNAMODB_ENDPOINT) is set, else
// memory when Memory (-memory), else the file at Path (-store).
type Config struct {
	Table    string
	Endpoint string
	Path     string
	Memory   bool
	// NoCreate opens DynamoDB without a request: no DescribeTable, no
	// CreateTable, even with Endpoint set. Under Lambda the stack made the
	// table, and a cold start must not wait on a round trip to check.
	NoCreate bool
}

// Store is any of this package's stores: a skill.Store to close when the
// program ends.
type Store interface {
	Load(ctx context.Context, user string) (session.Snapshot, error)
	Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error)
	Forget(ctx context.Context, user string) error
	Close() error
}

// Open opens the store cfg chooses.
func Open(ctx context.Context, cfg Config) (Store, error) {
	switch {
	case cfg.Table != "" || cfg.Endpoint != "":
		table := cfg.Table
		if table == "" {
			table = DefaultTable
		}
		open := NewDynamo
		if cfg.NoCreate {
			open = newDynamo
		}
		d, err := open(ctx, table, cfg.Endpoint)
		if err != nil {
			return nil, err
		}
		return d, nil
	case cfg.Memory:
		return NewMemory(), nil
	case cfg.Path != "":
		return openFile(cfg.Path)
	}
	return nil, fmt.Errorf("open store: no table, endpoint, file or memory configured")
}

// Close does nothing: memory has nothing to release.
func (m *Memory) Close() error { return nil }

// Close does nothing: the SDK client holds no resources to release.
func (d *Dynamo) Close() error { return nil }
