package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/nightlegs/nightlegs/internal/session"
)

// The SDK's standard retryer, tuned for a listener waiting in the dark:
// throttling, 5xx answers and dropped connections are retried at most
// twice, after a random wait of up to sdkMaxBackoff (full jitter), so a
// store call with its retries fits its own deadline (see skill.Skill). A
// write that conflicts with a transaction in progress is retried too.
const (
	sdkMaxAttempts = 3
	sdkMaxBackoff  = 80 * time.Millisecond
	// batchAttempts bounds Forget's retries of unprocessed deletes
	// (BatchWriteItem leaves some undone under throttling, with no error
	// for the retryer to see).
	batchAttempts = 5
	// batchSize is BatchWriteItem's limit.
	batchSize = 25
	// nightAttempts bounds the requests of one night's addition: a
	// replaced bad item or a full list of turns takes a second, a
	// transaction in progress on the same items another.
	nightAttempts = 4
)

// newRetryer is the SDK's standard retryer with the limits above.
func newRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = sdkMaxAttempts
		o.MaxBackoff = sdkMaxBackoff
		o.Retryables = append(o.Retryables, retry.RetryableErrorCode{
			Codes: map[string]struct{}{"TransactionConflictException": {}},
		})
	})
}

// Attribute names of the table. pk and sk are the keys of template.yaml;
// expiresAt is its TTL attribute.
const (
	attrPK      = "pk"
	attrSK      = "sk"
	attrSchema  = "schema"
	attrVersion = "version"
	attrExpires = "expiresAt"
	// Nights: the levels reached (a string set, so additions merge) and
	// the turns that added to it.
	attrLevel    = "level"
	attrLevels   = "levels"
	attrRequests = "requests"
	attrCount    = "count"
)

// Dynamo keeps listeners' items in one DynamoDB table (see README, "Data
// stored"): one Query per Load, one conditional write per Save, unless
// another writer got there first. Set the fields before first use.
type Dynamo struct {
	// Now is the store's clock for expiry; nil means the wall clock.
	Now func() time.Time
	Log *slog.Logger

	client *dynamodb.Client
	table  string
}

// NewDynamo returns a store on table, with credentials and region from the
// standard AWS SDK chain. When endpoint is set (local development with
// moto, DynamoDB Local and the like) the client talks to it, with dummy
// credentials unless AWS_ACCESS_KEY_ID is set, and creates the table if it
// is missing; against AWS it never creates tables. opts adjust the client
// (tests count its requests).
func NewDynamo(ctx context.Context, table, endpoint string, opts ...func(*dynamodb.Options)) (*Dynamo, error) {
	d, err := newDynamo(ctx, table, endpoint, opts...)
	if err != nil {
		return nil, err
	}
	if endpoint != "" {
		if err := d.ensureTable(ctx); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// newDynamo is NewDynamo without creating the table: it sends nothing.
func newDynamo(ctx context.Context, table, endpoint string, opts ...func(*dynamodb.Options)) (*Dynamo, error) {
	if table == "" {
		return nil, errors.New("dynamodb store: no table name")
	}
	var local aws.CredentialsProvider
	if endpoint != "" && os.Getenv("AWS_ACCESS_KEY_ID") == "" {
		// A local server takes any credentials; looking for real ones
		// would only slow a laptop down (instance metadata) or fail.
		local = credentials.NewStaticCredentialsProvider("local", "local", "")
	}
	cfg, err := loadAWSConfig(ctx, local)
	if err != nil {
		return nil, fmt.Errorf("dynamodb store: aws config: %w", err)
	}
	cfg.Retryer = newRetryer
	if endpoint != "" && cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	client := dynamodb.NewFromConfig(cfg, append([]func(*dynamodb.Options){func(o *dynamodb.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	}}, opts...)...)
	return &Dynamo{client: client, table: table}, nil
}

// ensureTable creates the table as template.yaml declares it, if missing.
func (d *Dynamo) ensureTable(ctx context.Context) error {
	_, err := d.client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &d.table})
	var missing *types.ResourceNotFoundException
	if !errors.As(err, &missing) {
		if err != nil {
			return fmt.Errorf("describe table %s: %w", d.table, err)
		}
		return nil
	}
	_, err = d.client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:   &d.table,
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String(attrPK), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrSK), AttributeType: types.ScalarAttributeTypeS},
		},
		KeySchema: []types.KeySchemaElement{
			{AttributeName: aws.String(attrPK), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String(attrSK), KeyType: types.KeyTypeRange},
		},
	})
	var inUse *types.ResourceInUseException
	if err != nil && !errors.As(err, &inUse) {
		return fmt.Errorf("create table %s: %w", d.table, err)
	}
	w := dynamodb.NewTableExistsWaiter(d.client, func(o *dynamodb.TableExistsWaiterOptions) {
		o.MinDelay, o.MaxDelay = 50*time.Millisecond, time.Second
	})
	if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: &d.table}, time.Minute); err != nil {
		return fmt.Errorf("wait for table %s: %w", d.table, err)
	}
	_, err = d.client.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               &d.table,
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(attrExpires), Enabled: aws.Bool(true)},
	})
	if err != nil {
		return fmt.Errorf("enable ttl on %s: %w", d.table, err)
	}
	return nil
}

// Load returns what is kept for user, with one Query.
func (d *Dynamo) Load(ctx context.Context, user string) (session.Snapshot, error) {
	st, err := d.read(ctx, user)
	if err != nil {
		return session.Snapshot{}, fmt.Errorf("load: %w", err)
	}
	return st.snapshot(clock(d.Now)), nil
}

// Save writes ch conditional on the versions in base, with one PutItem or
// TransactWriteItems; see package doc for conflicts.
func (d *Dynamo) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	return save(ctx, d, user, base, ch, clock(d.Now), logger(d.Log))
}

// Forget deletes every item of user. First an UpdateItem marks the
// preferences "forget" (creating them if need be), so that from then on no
// night is kept and a Load shows the deletion pending, whatever fails
// next; then one Query for the keys, and BatchWriteItem deletes, the
// preferences last.
func (d *Dynamo) Forget(ctx context.Context, user string) error {
	if err := d.markForget(ctx, user); err != nil {
		return fmt.Errorf("forget: stop keeping nights: %w", err)
	}
	var keys []map[string]types.AttributeValue
	p := dynamodb.NewQueryPaginator(d.client, d.query(user, true))
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("forget: list items: %w", err)
		}
		for _, av := range out.Items {
			if sk, _ := av[attrSK].(*types.AttributeValueMemberS); sk == nil || sk.Value != keyPrefs {
				keys = append(keys, av)
			}
		}
	}
	for len(keys) > 0 {
		n := min(len(keys), batchSize)
		if err := d.batchDelete(ctx, keys[:n]); err != nil {
			return fmt.Errorf("forget: %w", err)
		}
		keys = keys[n:]
	}
	prefs := map[string]types.AttributeValue{attrPK: pk(user), attrSK: str(keyPrefs)}
	if err := d.batchDelete(ctx, []map[string]types.AttributeValue{prefs}); err != nil {
		return fmt.Errorf("forget: preferences: %w", err)
	}
	return nil
}

// markForget replaces the preferences with a "forget" mark, whatever they
// were, under a higher version so that no writer holding the old ones
// writes them back.
func (d *Dynamo) markForget(ctx context.Context, user string) error {
	now := clock(d.Now)
	_, err := d.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:        &d.table,
		Key:              map[string]types.AttributeValue{attrPK: pk(user), attrSK: str(keyPrefs)},
		UpdateExpression: aws.String("SET #f = :t, #s = :schema, #u = :u, #e = :e REMOVE #h, #voice ADD #v :one"),
		ExpressionAttributeNames: map[string]string{
			"#f": "forget", "#s": attrSchema, "#u": "updated", "#e": attrExpires,
			"#h": "history", "#voice": "voice", "#v": attrVersion,
		},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":t": &types.AttributeValueMemberBOOL{Value: true}, ":schema": number(session.Schema),
			":u": str(now.UTC().Format(time.RFC3339Nano)), ":e": number(now.Add(PrefsLifetime).Unix()), ":one": number(1),
		},
	})
	return err
}

// batchDelete deletes the items with keys, then what DynamoDB left
// unprocessed, a bounded number of times.
func (d *Dynamo) batchDelete(ctx context.Context, keys []map[string]types.AttributeValue) error {
	reqs := make([]types.WriteRequest, len(keys))
	for i, k := range keys {
		reqs[i] = types.WriteRequest{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{attrPK: k[attrPK], attrSK: k[attrSK]}}}
	}
	pending := map[string][]types.WriteRequest{d.table: reqs}
	for attempt := 1; ; attempt++ {
		out, err := d.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: pending})
		if err != nil {
			return err
		}
		pending = out.UnprocessedItems
		if len(pending[d.table]) == 0 {
			return nil
		}
		if attempt == batchAttempts {
			return fmt.Errorf("%d deletes still unprocessed after %d attempts", len(pending[d.table]), attempt)
		}
		if err := pause(ctx, 4*attempt); err != nil {
			return err
		}
	}
}

// nightMode is how addNight writes a night.
type nightMode int

const (
	nightAddTo   nightMode = iota // ADD to the stored night
	nightRotate                   // the same, starting the list of turns afresh
	nightReplace                  // Put over a stored item that does not decode
)

// addNight adds a's episodes with one TransactWriteItems: a check that the
// stored preferences give consent and no deletion is pending, and an
// UpdateItem that ADDs to the night unless the turn already did.
func (d *Dynamo) addNight(ctx context.Context, user string, a nightAdd) (bool, error) {
	mode, replaced := nightAddTo, int64(0)
	for attempt := 1; ; attempt++ {
		night := types.TransactWriteItem{Update: d.nightUpdate(user, a, mode == nightRotate)}
		if mode == nightReplace {
			it := a.apply(item{key: a.key, version: replaced})
			p, err := d.put(user, put{item: it, expect: replaced})
			if err != nil {
				return false, err
			}
			night = types.TransactWriteItem{Put: p}
		}
		check := types.TransactWriteItem{ConditionCheck: d.consentCheck(user)}
		_, err := d.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{check, night}})
		var canceled *types.TransactionCanceledException
		if !errors.As(err, &canceled) {
			return false, err
		}
		reason := func(i int) types.CancellationReason {
			if i < len(canceled.CancellationReasons) {
				return canceled.CancellationReasons[i]
			}
			return types.CancellationReason{}
		}
		if aws.ToString(reason(0).Code) == "ConditionalCheckFailed" {
			return false, errNoConsent
		}
		switch r := reason(1); aws.ToString(r.Code) {
		case "ConditionalCheckFailed":
			it, err := decodeItem(r.Item)
			switch {
			case len(r.Item) == 0:
				mode = nightAddTo // gone in the meantime
			case err != nil || it.night == nil:
				logger(d.Log).Warn("replacing stored night that does not decode", "key", a.key, "err", err)
				mode, replaced = nightReplace, it.version
			case a.seen(it):
				return true, nil
			case len(it.requests) >= maxRequests:
				mode = nightRotate
			default:
				mode = nightAddTo
			}
		case "TransactionConflict":
			// Another transaction on the same items: try again.
		default:
			return false, fmt.Errorf("transaction canceled: %s: %s", aws.ToString(r.Code), aws.ToString(r.Message))
		}
		if attempt == nightAttempts {
			return false, fmt.Errorf("night not added after %d attempts: %w", attempt, err)
		}
		if err := pause(ctx, attempt); err != nil {
			return false, err
		}
	}
}

// consentCheck is the condition that the stored preferences give consent
// to keep nights, and no deletion is pending.
func (d *Dynamo) consentCheck(user string) *types.ConditionCheck {
	return &types.ConditionCheck{
		TableName:                &d.table,
		Key:                      map[string]types.AttributeValue{attrPK: pk(user), attrSK: str(keyPrefs)},
		ConditionExpression:      aws.String("#h = :yes AND attribute_not_exists(#f) AND (attribute_not_exists(#e) OR #e > :now)"),
		ExpressionAttributeNames: map[string]string{"#h": "history", "#f": "forget", "#e": attrExpires},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":yes": str(session.ConsentGiven),
			":now": number(clock(d.Now).Unix()),
		},
	}
}

// nightUpdate is the UpdateItem that adds a's episodes to the stored night:
// ADD for the count, the levels and the turns, so that writers never
// overwrite each other; conditional on the stored item being a night of
// this schema and the turn not among its turns. rotate starts the list of
// turns afresh when it is full.
func (d *Dynamo) nightUpdate(user string, a nightAdd, rotate bool) *types.Update {
	names := map[string]string{
		"#sk": attrSK, "#schema": attrSchema, "#v": attrVersion, "#exp": attrExpires,
		"#date": "date", "#topic": "topic", "#count": attrCount,
	}
	values := map[string]types.AttributeValue{
		":schema": number(session.Schema), ":one": number(1), ":exp": number(a.expires.Unix()),
		":date": str(a.night.Date), ":topic": str(string(a.night.Topic)), ":n": number(int64(a.night.Count)), ":N": str("N"),
	}
	set := []string{"#schema = :schema", "#exp = :exp", "#date = :date", "#topic = :topic"}
	add := []string{"#count :n", "#v :one"}
	cond := []string{"(attribute_not_exists(#sk) OR (#schema = :schema AND attribute_type(#count, :N) AND attribute_type(#v, :N)))"}
	if a.night.Outcome != "" {
		names["#outcome"], values[":outcome"] = "outcome", str(a.night.Outcome)
		set = append(set, "#outcome = :outcome")
	}
	if a.night.Level != "" {
		names["#levels"], values[":levels"] = attrLevels, &types.AttributeValueMemberSS{Value: []string{string(a.night.Level)}}
		add = append(add, "#levels :levels")
	}
	if a.request != "" {
		names["#req"] = attrRequests
		values[":req"], values[":reqs"], values[":max"] = str(a.request), &types.AttributeValueMemberSS{Value: []string{a.request}}, number(maxRequests)
		cond = append(cond, "NOT contains(#req, :req)")
		if rotate {
			set = append(set, "#req = :reqs")
			cond = append(cond, "size(#req) >= :max")
		} else {
			add = append(add, "#req :reqs")
			cond = append(cond, "(attribute_not_exists(#req) OR size(#req) < :max)")
		}
	}
	return &types.Update{
		TableName:                           &d.table,
		Key:                                 map[string]types.AttributeValue{attrPK: pk(user), attrSK: str(a.key)},
		UpdateExpression:                    aws.String("SET " + strings.Join(set, ", ") + " ADD " + strings.Join(add, ", ")),
		ConditionExpression:                 aws.String(strings.Join(cond, " AND ")),
		ExpressionAttributeNames:            names,
		ExpressionAttributeValues:           values,
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	}
}

func str(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }

func (d *Dynamo) query(user string, keysOnly bool) *dynamodb.QueryInput {
	in := &dynamodb.QueryInput{
		TableName:                 &d.table,
		KeyConditionExpression:    aws.String("#pk = :pk"),
		ExpressionAttributeNames:  map[string]string{"#pk": attrPK},
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": pk(user)},
		// The previous session's write must be seen.
		ConsistentRead: aws.Bool(true),
	}
	if keysOnly {
		in.ExpressionAttributeNames["#sk"] = attrSK
		in.ExpressionAttributeNames["#v"] = attrVersion
		in.ProjectionExpression = aws.String("#pk, #sk, #v")
	}
	return in
}

func pk(user string) types.AttributeValue {
	return &types.AttributeValueMemberS{Value: "USER#" + user}
}

func (d *Dynamo) read(ctx context.Context, user string) (state, error) {
	st := state{}
	p := dynamodb.NewQueryPaginator(d.client, d.query(user, false))
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, av := range out.Items {
			it, err := decodeItem(av)
			if err != nil {
				logger(d.Log).Warn("ignored stored item that does not decode", "key", it.key, "err", err)
			}
			if it.key != "" {
				st[it.key] = it
			}
		}
	}
	return st, nil
}

func (d *Dynamo) write(ctx context.Context, user string, puts []put) error {
	if len(puts) == 1 && !puts[0].touch {
		p, err := d.put(user, puts[0])
		if err != nil {
			return err
		}
		_, err = d.client.PutItem(ctx, &dynamodb.PutItemInput{
			TableName:                           p.TableName,
			Item:                                p.Item,
			ConditionExpression:                 p.ConditionExpression,
			ExpressionAttributeNames:            p.ExpressionAttributeNames,
			ExpressionAttributeValues:           p.ExpressionAttributeValues,
			ReturnValuesOnConditionCheckFailure: p.ReturnValuesOnConditionCheckFailure,
		})
		var failed *types.ConditionalCheckFailedException
		if errors.As(err, &failed) {
			return d.conflict(puts[0].item.key, failed.Item)
		}
		return err
	}
	items := make([]types.TransactWriteItem, len(puts))
	for i, p := range puts {
		if p.touch {
			items[i] = types.TransactWriteItem{Update: d.touch(user, p.item)}
			continue
		}
		tp, err := d.put(user, p)
		if err != nil {
			return err
		}
		items[i] = types.TransactWriteItem{Put: tp}
	}
	_, err := d.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})
	var canceled *types.TransactionCanceledException
	if !errors.As(err, &canceled) {
		return err
	}
	current := state{}
	for i, r := range canceled.CancellationReasons {
		switch code := aws.ToString(r.Code); {
		case code == "None" || code == "":
		case code == "ConditionalCheckFailed" && i < len(puts) && puts[i].touch:
			// The preferences are gone or marked "forget": re-read.
			return &conflictError{}
		case code == "ConditionalCheckFailed" && i < len(puts):
			c := d.conflict(puts[i].item.key, r.Item)
			if c.current == nil {
				return c
			}
			current = merged(current, c.current)
		case code == "TransactionConflict":
			// Another transaction on the same items: re-read.
			return &conflictError{}
		default:
			return fmt.Errorf("transaction canceled: %s: %s", code, aws.ToString(r.Message))
		}
	}
	if len(current) == 0 {
		return &conflictError{}
	}
	return &conflictError{current: current}
}

// touch is the UpdateItem that keeps the stored preferences another
// PrefsLifetime, if they are there, not expired and not marked "forget".
func (d *Dynamo) touch(user string, it item) *types.Update {
	return &types.Update{
		TableName:                &d.table,
		Key:                      map[string]types.AttributeValue{attrPK: pk(user), attrSK: str(keyPrefs)},
		UpdateExpression:         aws.String("SET #e = :e, #u = :u"),
		ConditionExpression:      aws.String("attribute_exists(#sk) AND attribute_not_exists(#f) AND (attribute_not_exists(#e) OR #e > :now)"),
		ExpressionAttributeNames: map[string]string{"#e": attrExpires, "#u": "updated", "#sk": attrSK, "#f": "forget"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":e":   number(it.expires.Unix()),
			":u":   str(it.prefs.Updated.UTC().Format(time.RFC3339Nano)),
			":now": number(it.prefs.Updated.Unix()),
		},
	}
}

// conflict is the conflict of a failed condition on key, with the stored
// item DynamoDB returned. Without one the stored item is unknown (or gone)
// and Save re-reads.
func (d *Dynamo) conflict(key string, av map[string]types.AttributeValue) *conflictError {
	if len(av) == 0 {
		return &conflictError{}
	}
	it, err := decodeItem(av)
	if err != nil {
		logger(d.Log).Warn("ignored stored item that does not decode", "key", key, "err", err)
	}
	it.key = key
	return &conflictError{current: state{key: it}}
}

// put is the conditional Put of p: the stored version must be the one the
// writer started from, or for a new item there must be none readable.
func (d *Dynamo) put(user string, p put) (*types.Put, error) {
	av, err := encodeItem(user, p.item)
	if err != nil {
		return nil, err
	}
	tp := &types.Put{
		TableName:                           &d.table,
		Item:                                av,
		ExpressionAttributeNames:            map[string]string{"#v": attrVersion},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	}
	if p.expect == 0 {
		// An item without a numeric version (a hand edit) may be
		// replaced; one with a version may not.
		tp.ConditionExpression = aws.String("attribute_not_exists(#v) OR NOT attribute_type(#v, :n)")
		tp.ExpressionAttributeValues = map[string]types.AttributeValue{":n": &types.AttributeValueMemberS{Value: "N"}}
	} else {
		tp.ConditionExpression = aws.String("#v = :v")
		tp.ExpressionAttributeValues = map[string]types.AttributeValue{":v": number(p.expect)}
	}
	return tp, nil
}

func number(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(n, 10)}
}

// jsonTags makes the attribute names those of the session types' JSON, so
// the table reads like the session attributes.
func jsonTags(o *attributevalue.EncoderOptions) { o.TagKey = "json" }

// encodeItem is the DynamoDB item for it: the payload's fields as top-level
// attributes beside the keys, schema, version and expiry.
func encodeItem(user string, it item) (map[string]types.AttributeValue, error) {
	var payload any
	switch {
	case it.context != nil:
		payload = it.context
	case it.prefs != nil:
		payload = it.prefs
	case it.night != nil:
		payload = it.night
	default:
		return nil, fmt.Errorf("encode %s: no payload", it.key)
	}
	av, err := attributevalue.MarshalMapWithOptions(payload, jsonTags)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", it.key, err)
	}
	if it.night != nil {
		// As addNight keeps them: sets, so that additions merge.
		delete(av, attrLevel)
		if it.night.Level != "" {
			av[attrLevels] = &types.AttributeValueMemberSS{Value: []string{string(it.night.Level)}}
		}
		if len(it.requests) > 0 {
			av[attrRequests] = &types.AttributeValueMemberSS{Value: it.requests}
		}
	}
	av[attrPK] = pk(user)
	av[attrSK] = &types.AttributeValueMemberS{Value: it.key}
	av[attrSchema] = number(session.Schema)
	av[attrVersion] = number(it.version)
	if !it.expires.IsZero() {
		av[attrExpires] = number(it.expires.Unix())
	}
	return av, nil
}

// decodeItem decodes a stored item. When the payload does not decode it
// still returns the key and, if readable, the version, so a write can
// replace the item.
func decodeItem(av map[string]types.AttributeValue) (item, error) {
	var it item
	if s, ok := av[attrSK].(*types.AttributeValueMemberS); ok {
		it.key = s.Value
	}
	if it.key == "" {
		return it, errors.New("decode: no sort key")
	}
	it.version, _ = numberOf(av[attrVersion])
	if schema, ok := numberOf(av[attrSchema]); !ok || schema != session.Schema {
		return it, fmt.Errorf("decode %s: schema %d, want %d", it.key, schema, session.Schema)
	}
	if _, ok := av[attrExpires]; ok {
		sec, ok := numberOf(av[attrExpires])
		if !ok {
			return it, fmt.Errorf("decode %s: %s is not a number", it.key, attrExpires)
		}
		it.expires = time.Unix(sec, 0)
	}
	unmarshal := func(v any) error {
		return attributevalue.UnmarshalMapWithOptions(av, v, func(o *attributevalue.DecoderOptions) { o.TagKey = "json" })
	}
	switch {
	case it.key == keyContext:
		var c session.Context
		if err := unmarshal(&c); err != nil {
			return it, fmt.Errorf("decode %s: %w", it.key, err)
		}
		c.Version = it.version
		it.context = &c
	case it.key == keyPrefs:
		var p session.Prefs
		if err := unmarshal(&p); err != nil {
			return it, fmt.Errorf("decode %s: %w", it.key, err)
		}
		p.Version = it.version
		it.prefs = &p
	case strings.HasPrefix(it.key, keyNightPrefix):
		var n session.Night
		if err := unmarshal(&n); err != nil {
			return it, fmt.Errorf("decode %s: %w", it.key, err)
		}
		if nightKey(n) != it.key {
			return it, fmt.Errorf("decode %s: holds the night of %s %s", it.key, n.Date, n.Topic)
		}
		// n.Level is an older item's single level, if any.
		if levels, ok := av[attrLevels].(*types.AttributeValueMemberSS); ok {
			for _, l := range levels.Value {
				n.Level = n.Level.Higher(session.Level(l))
			}
		}
		if reqs, ok := av[attrRequests].(*types.AttributeValueMemberSS); ok {
			it.requests = reqs.Value
		}
		it.night = &n
	default:
		return it, fmt.Errorf("decode %s: unknown item", it.key)
	}
	return it, nil
}

func numberOf(av types.AttributeValue) (int64, bool) {
	n, ok := av.(*types.AttributeValueMemberN)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	return v, err == nil
}
