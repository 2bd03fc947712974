package infra_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The SAM template is linted by cfn-lint in `make test`; these tests check
// what a linter cannot know: that it deploys what this project promises
// (an arm64 Go function Alexa alone can call, a table that outlives the
// stack, least privilege).

const templateFile = "../template.yaml"

// readTemplate reads a CloudFormation template, turning the short-form
// intrinsic functions (!Ref, !GetAtt, !Sub ...) into their long forms
// ({"Ref": ...}, {"Fn::GetAtt": [...]}, {"Fn::Sub": ...}).
func readTemplate(t *testing.T, file string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := decodeTemplate(b)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return tpl
}

func decodeTemplate(b []byte) (map[string]any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	v, err := cfnValue(&doc)
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("template is not a mapping")
	}
	return m, nil
}

func cfnValue(n *yaml.Node) (any, error) {
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		fn := strings.TrimPrefix(n.Tag, "!")
		inner := *n
		inner.Tag = ""
		if n.Kind == yaml.ScalarNode {
			inner.Tag = "!!str"
		}
		v, err := cfnValue(&inner)
		if err != nil {
			return nil, err
		}
		switch fn {
		case "Ref", "Condition":
			return map[string]any{fn: v}, nil
		case "GetAtt":
			if s, ok := v.(string); ok {
				res, attr, _ := strings.Cut(s, ".")
				v = []any{res, attr}
			}
		}
		return map[string]any{"Fn::" + fn: v}, nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		return cfnValue(n.Content[0])
	case yaml.AliasNode:
		return cfnValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := cfnValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			v, err := cfnValue(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, fmt.Errorf("line %d: %w", n.Line, err)
	}
	return v, nil
}

// at follows a path of keys (and list indexes) into a decoded template.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			s, ok := v.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}

func ref(name string) map[string]any { return map[string]any{"Ref": name} }

func getAtt(res, attr string) map[string]any {
	return map[string]any{"Fn::GetAtt": []any{res, attr}}
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil
	}
	return 0, false
}

// resourcesOf returns the logical IDs of the template's resources of a type.
func resourcesOf(tpl map[string]any, typ string) []string {
	var ids []string
	for id, r := range at(tpl, "Resources").(map[string]any) {
		if at(r, "Type") == typ {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

func TestTemplate(t *testing.T) {
	tpl := readTemplate(t, templateFile)
	for _, p := range checkTemplate(tpl) {
		t.Error(p)
	}
}

// TestTemplateCatch makes sure the template checks can fail.
func TestTemplateCatch(t *testing.T) {
	b, err := os.ReadFile(templateFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new, want string }{
		{"x86", "Architectures: [arm64]", "Architectures: [x86_64]", "arm64"},
		{"go1.x runtime", "Runtime: provided.al2023", "Runtime: go1.x", "provided.al2023"},
		{"slow", "Timeout: 6", "Timeout: 10", "Timeout"},
		{"no skill id", "SkillId: !Ref SkillId", "Foo: !Ref SkillId", "SkillId"},
		{"table dropped with the stack", "DeletionPolicy: Retain", "DeletionPolicy: Delete", "Retain"},
		{"no ttl", "AttributeName: expiresAt", "AttributeName: ttl", "expiresAt"},
		{"no pitr", "PointInTimeRecoveryEnabled: true", "PointInTimeRecoveryEnabled: false", "point-in-time"},
		{"no sse", "SSEEnabled: true", "SSEEnabled: false", "encryption"},
		{"wildcard resource", "Resource: !GetAtt NightLegsTable.Arn", `Resource: "*"`, "*"},
		{"wildcard action", "- dynamodb:Query", "- dynamodb:*", "*"},
		{"extra action", "- dynamodb:Query", "- dynamodb:Query\n                  - dynamodb:Scan", "dynamodb:Scan"},
		{"missing action", "- dynamodb:BatchWriteItem", "", "dynamodb:BatchWriteItem"},
		{"literal secret", "USER_KEY_SECRET: !Ref UserKeySecret", "USER_KEY_SECRET: hunter2hunter2", "USER_KEY_SECRET"},
		{"no log retention", "RetentionInDays: !Ref LogRetentionDays", "", "RetentionInDays"},
	} {
		broken := strings.Replace(string(b), c.old, c.new, 1)
		if broken == string(b) {
			t.Errorf("%s: %q is not in the template", c.name, c.old)
			continue
		}
		tpl, err := decodeTemplate([]byte(broken))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		problems := checkTemplate(tpl)
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, c.want) }) {
			t.Errorf("%s: want a problem with %q, got %q", c.name, c.want, problems)
		}
	}
}

func checkTemplate(tpl map[string]any) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	eq := func(got, want any) bool { return fmt.Sprint(got) == fmt.Sprint(want) }

	if at(tpl, "Transform") != "AWS::Serverless-2016-10-31" {
		report("Transform must be AWS::Serverless-2016-10-31")
	}
	funcs := resourcesOf(tpl, "AWS::Serverless::Function")
	tables := resourcesOf(tpl, "AWS::DynamoDB::Table")
	if len(funcs) != 1 || len(tables) != 1 {
		return append(problems, fmt.Sprintf("want one function and one table, got %v and %v", funcs, tables))
	}
	fn, table := funcs[0], tables[0]
	fr := at(tpl, "Resources", fn)
	prop := func(name string) any {
		if v := at(fr, "Properties", name); v != nil {
			return v
		}
		return at(tpl, "Globals", "Function", name)
	}

	// The function.
	if got := prop("Runtime"); got != "provided.al2023" {
		report("%s: Runtime %v, want provided.al2023", fn, got)
	}
	if got := prop("Handler"); got != "bootstrap" {
		report("%s: Handler %v, want bootstrap", fn, got)
	}
	if got := prop("Architectures"); !eq(got, []any{"arm64"}) {
		report("%s: Architectures %v, want [arm64]", fn, got)
	}
	if n, ok := number(prop("Timeout")); !ok || n >= 8 || n < 3 {
		report("%s: Timeout %v: Alexa waits 8 s, so 3 to 7 s", fn, prop("Timeout"))
	}
	if n, ok := number(prop("MemorySize")); !ok || n < 128 || n > 1024 {
		report("%s: MemorySize %v: 128 to 1024 MB", fn, prop("MemorySize"))
	}
	switch method := at(fr, "Metadata", "BuildMethod"); method {
	case "makefile":
		mk, err := os.ReadFile(filepath.Join("..", fmt.Sprint(prop("CodeUri")), "Makefile"))
		if err != nil || !regexp.MustCompile(`(?m)^build-`+fn+`:`).Match(mk) {
			report("%s: BuildMethod makefile needs a build-%s target in the Makefile at CodeUri %v", fn, fn, prop("CodeUri"))
		}
	case "go1.x":
	default:
		report("%s: Metadata.BuildMethod %v, want makefile or go1.x", fn, method)
	}

	// Only Alexa, and only this skill, may invoke it.
	params := at(tpl, "Parameters")
	events, _ := prop("Events").(map[string]any)
	if len(events) != 1 {
		report("%s: want exactly one event (AlexaSkill), got %d", fn, len(events))
	}
	for name, ev := range events {
		skill := at(ev, "Properties", "SkillId")
		r, _ := at(skill, "Ref").(string)
		switch {
		case at(ev, "Type") != "AlexaSkill":
			report("%s: event %s is %v, want AlexaSkill", fn, name, at(ev, "Type"))
		case r == "" || at(params, r) == nil:
			report("%s: event %s: SkillId must be a Ref to a template parameter, got %v", fn, name, skill)
		case !eq(at(prop("Environment"), "Variables", "SKILL_ID"), ref(r)):
			report("%s: SKILL_ID must be the event's SkillId parameter %s", fn, r)
		}
	}

	// Environment: the table, and secrets from NoEcho parameters or
	// dynamic references, never literals.
	vars, _ := at(prop("Environment"), "Variables").(map[string]any)
	for _, name := range []string{"TABLE_NAME", "SKILL_ID", "LOG_LEVEL", "USER_KEY_SECRET"} {
		if vars[name] == nil {
			report("%s: environment variable %s is missing", fn, name)
		}
	}
	if !eq(vars["TABLE_NAME"], ref(table)) {
		report("%s: TABLE_NAME must be !Ref %s", fn, table)
	}
	for name, v := range vars {
		if !regexp.MustCompile(`SECRET|KEY|TOKEN|PASSWORD`).MatchString(name) {
			continue
		}
		r, _ := at(v, "Ref").(string)
		s, _ := v.(string)
		switch {
		case r != "" && at(params, r, "NoEcho") == true:
		case strings.HasPrefix(s, "{{resolve:ssm") || strings.HasPrefix(s, "{{resolve:secretsmanager"):
		default:
			report("%s: %s must come from a NoEcho parameter or a dynamic reference, not %v", fn, name, v)
		}
	}

	// Logs: a log group with a retention period that the function writes to.
	groups := resourcesOf(tpl, "AWS::Logs::LogGroup")
	if len(groups) != 1 {
		report("want one AWS::Logs::LogGroup, got %v", groups)
	} else {
		g := groups[0]
		if at(tpl, "Resources", g, "Properties", "RetentionInDays") == nil {
			report("%s: RetentionInDays is missing", g)
		}
		if !eq(at(prop("LoggingConfig"), "LogGroup"), ref(g)) {
			report("%s: LoggingConfig.LogGroup must be !Ref %s", fn, g)
		}
	}

	// The table.
	tr := at(tpl, "Resources", table)
	tp := func(path ...any) any { return at(tr, append([]any{"Properties"}, path...)...) }
	if at(tr, "DeletionPolicy") != "Retain" || at(tr, "UpdateReplacePolicy") != "Retain" {
		report("%s: DeletionPolicy and UpdateReplacePolicy must be Retain: people's data outlives the stack", table)
	}
	if tp("BillingMode") != "PAY_PER_REQUEST" {
		report("%s: BillingMode must be PAY_PER_REQUEST", table)
	}
	if !eq(tp("KeySchema"), []any{
		map[string]any{"AttributeName": "pk", "KeyType": "HASH"},
		map[string]any{"AttributeName": "sk", "KeyType": "RANGE"},
	}) {
		report("%s: KeySchema must be pk (HASH), sk (RANGE)", table)
	}
	if !eq(tp("AttributeDefinitions"), []any{
		map[string]any{"AttributeName": "pk", "AttributeType": "S"},
		map[string]any{"AttributeName": "sk", "AttributeType": "S"},
	}) {
		report("%s: AttributeDefinitions must be pk and sk strings", table)
	}
	if tp("TimeToLiveSpecification", "AttributeName") != "expiresAt" || tp("TimeToLiveSpecification", "Enabled") != true {
		report("%s: TTL must be enabled on expiresAt", table)
	}
	if tp("SSESpecification", "SSEEnabled") != true {
		report("%s: server-side encryption (SSESpecification.SSEEnabled) must be on", table)
	}
	if tp("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled") != true {
		report("%s: point-in-time recovery must be on", table)
	}

	// Permissions: the function's own role, nothing with a wildcard, and
	// on the table exactly what the store calls.
	role, _ := at(prop("Role"), "Fn::GetAtt", 0).(string)
	if role == "" || at(tpl, "Resources", role, "Type") != "AWS::IAM::Role" {
		report("%s: Role must be !GetAtt of the template's own AWS::IAM::Role (SAM's default role allows logs on every resource)", fn)
	}
	if prop("Policies") != nil {
		report("%s: Policies would be ignored with an explicit Role: put them on %s", fn, role)
	}
	if at(tpl, "Resources", role, "Properties", "ManagedPolicyArns") != nil {
		report("%s: no managed policies: they grant on every resource", role)
	}
	var tableActions []string
	for _, st := range statements(tpl) {
		for _, a := range list(st["Action"]) {
			if s, ok := a.(string); ok && strings.Contains(s, "*") {
				report("policy action %q has a wildcard", s)
			}
		}
		for _, r := range list(st["Resource"]) {
			if s, ok := r.(string); ok && strings.Contains(s, "*") {
				report("policy resource %q has a wildcard", s)
			}
		}
		if st["NotAction"] != nil || st["NotResource"] != nil {
			report("policy statements may not use NotAction or NotResource")
		}
		if eq(st["Resource"], getAtt(table, "Arn")) {
			for _, a := range list(st["Action"]) {
				tableActions = append(tableActions, fmt.Sprint(a))
			}
			continue
		}
		for _, a := range list(st["Action"]) {
			if strings.HasPrefix(fmt.Sprint(a), "dynamodb:") {
				report("%v is granted on %v, not on the table", a, st["Resource"])
			}
		}
	}
	slices.Sort(tableActions)
	want, err := storeActions()
	if err != nil {
		report("%v", err)
	} else if !slices.Equal(tableActions, want) {
		report("table actions %v, want exactly what internal/store calls: %v", tableActions, want)
	}

	// Outputs for the deployer.
	if !eq(at(tpl, "Outputs", "FunctionArn", "Value"), getAtt(fn, "Arn")) {
		report("output FunctionArn must be !GetAtt %s.Arn", fn)
	}
	if !eq(at(tpl, "Outputs", "TableName", "Value"), ref(table)) {
		report("output TableName must be !Ref %s", table)
	}
	slices.Sort(problems)
	return problems
}

func list(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// statements returns every IAM policy statement in the template: inline
// role policies, AWS::IAM::Policy resources and SAM function policies.
func statements(tpl map[string]any) []map[string]any {
	var out []map[string]any
	add := func(doc any) {
		for _, st := range list(at(doc, "Statement")) {
			if m, ok := st.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	for _, r := range at(tpl, "Resources").(map[string]any) {
		switch at(r, "Type") {
		case "AWS::IAM::Role":
			for _, p := range list(at(r, "Properties", "Policies")) {
				add(at(p, "PolicyDocument"))
			}
		case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
			add(at(r, "Properties", "PolicyDocument"))
		case "AWS::Serverless::Function":
			for _, p := range list(at(r, "Properties", "Policies")) {
				add(p)
			}
		}
	}
	return out
}

// localOnly are store functions that run only against a local endpoint
// (store.NewDynamo: "against AWS it never creates tables"), so the calls
// they make need no permission in AWS.
var localOnly = []string{"ensureTable"}

// storeActions returns the IAM actions the DynamoDB store needs, read from
// its source: every operation whose input it builds or paginates, and for
// a transaction, the actions of the items in it (IAM has no
// TransactWriteItems action).
func storeActions() ([]string, error) {
	dir := filepath.Join("..", "internal", "store")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	itemActions := map[string]string{"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem"}
	ops := map[string]bool{}
	var transactItems []string
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		var ddb, types string
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := filepath.Base(path)
			if imp.Name != nil {
				name = imp.Name.Name
			}
			switch path {
			case "github.com/aws/aws-sdk-go-v2/service/dynamodb":
				ddb = name
			case "github.com/aws/aws-sdk-go-v2/service/dynamodb/types":
				types = name
			}
		}
		if ddb == "" {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || slices.Contains(localOnly, fd.Name.Name) {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					pkg, ok := n.X.(*ast.Ident)
					if !ok {
						return true
					}
					name := n.Sel.Name
					switch {
					case pkg.Name == ddb && strings.HasSuffix(name, "Input"):
						ops[strings.TrimSuffix(name, "Input")] = true
					case pkg.Name == ddb && strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Paginator"):
						ops[strings.TrimSuffix(strings.TrimPrefix(name, "New"), "Paginator")] = true
					case pkg.Name == ddb && strings.HasPrefix(name, "NewTable") && strings.HasSuffix(name, "Waiter"):
						ops["DescribeTable"] = true
					}
				case *ast.CompositeLit:
					if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "TransactWriteItem" {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == types {
							for _, e := range n.Elts {
								if kv, ok := e.(*ast.KeyValueExpr); ok {
									transactItems = append(transactItems, fmt.Sprint(kv.Key))
								}
							}
						}
					}
				}
				return true
			})
		}
	}
	if len(ops) == 0 {
		return nil, fmt.Errorf("internal/store calls no DynamoDB operation: the template should grant none")
	}
	var actions []string
	for op := range ops {
		switch op {
		case "TransactWriteItems":
			for _, it := range transactItems {
				actions = append(actions, "dynamodb:"+itemActions[it])
			}
		case "TransactGetItems":
			actions = append(actions, "dynamodb:GetItem")
		default:
			actions = append(actions, "dynamodb:"+op)
		}
	}
	slices.Sort(actions)
	return slices.Compact(actions), nil
}
