package store

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	bolt "go.etcd.io/bbolt"
)

// corrupted is what a hand edit or an older schema could leave under key:
// the version stays readable, the rest does not decode.
func corrupted(key string, old []byte) []byte {
	v := recordVersion(old)
	switch key {
	case keyPrefs:
		return fmt.Appendf(nil, `{"schema":0,"version":%d,"prefs":{"voice":"normal"}}`, v)
	case keyContext:
		return fmt.Appendf(nil, `{"schema":1,"version":%d,"context":{"facts":"not a list"}}`, v)
	}
	return fmt.Appendf(nil, `{"schema":1,"version":%d,"night":{"count":"three"`, v)
}

// Corrupt replaces the user's item under key with one that does not decode.
func (m *Memory) Corrupt(t *testing.T, user, key string) {
	m.mu.Lock()
	old := m.users[user][key]
	m.mu.Unlock()
	m.setRaw(user, key, corrupted(key, old))
}

// Corrupt replaces the user's item under key with one that does not decode.
func (s *Bolt) Corrupt(t *testing.T, user, key string) {
	var old []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		old = append(old, boltRecords{tx.Bucket(usersBucket).Bucket([]byte(user))}.get(key)...)
		return nil
	})
	if err == nil {
		err = s.setRaw(user, key, corrupted(key, old))
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Client is the store's DynamoDB client, for tests that reach the table.
func (d *Dynamo) Client() *dynamodb.Client { return d.client }

// Table is the store's table name.
func (d *Dynamo) Table() string { return d.table }
