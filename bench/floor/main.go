// Command floor is the least a Go Lambda function answering Alexa from
// DynamoDB can do, for `make bench` to measure Night Legs' cold start
// against: it loads the AWS SDK's configuration, and to each request makes
// one consistent DynamoDB Query (as a new session's first turn does) and
// answers with a fixed response.
//
// It reads TABLE_NAME, and DYNAMODB_ENDPOINT for a local server; build it
// as the Makefile builds the function (static, stripped, -tags lambda.norpc).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// answer is a fixed Alexa response.
var answer = json.RawMessage(`{"version":"1.0","response":{"outputSpeech":{"type":"PlainText","text":"Hello."},"shouldEndSession":false}}`)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	table, endpoint := os.Getenv("TABLE_NAME"), os.Getenv("DYNAMODB_ENDPOINT")
	client := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	lambda.Start(func(ctx context.Context, _ json.RawMessage) (json.RawMessage, error) {
		_, err := client.Query(ctx, &dynamodb.QueryInput{
			TableName:                 &table,
			KeyConditionExpression:    aws.String("pk = :pk"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "USER#floor"}},
			ConsistentRead:            aws.Bool(true),
		})
		if err != nil {
			return nil, err
		}
		return answer, nil
	})
}
