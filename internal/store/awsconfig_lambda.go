//go:build lambda

package store

import (
	"context"
	"errors"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// loadAWSConfig is the configuration Lambda gives a function: the region
// and the function role's credentials in the environment (AWS_REGION,
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is
// where the SDK's standard chain finds them under Lambda too. Reading them
// directly keeps that chain's other sources (shared files, SSO, STS,
// instance metadata) out of the Lambda build: about a megabyte, and their
// package initialisation at every cold start. creds, if set, replaces the
// environment's credentials.
func loadAWSConfig(_ context.Context, creds aws.CredentialsProvider) (aws.Config, error) {
	region := os.Getenv("AWS_REGION")
	if region == "" {
		region = os.Getenv("AWS_DEFAULT_REGION")
	}
	if creds == nil {
		id, secret := os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
		if id == "" || secret == "" {
			return aws.Config{}, errors.New("no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (Lambda sets them)")
		}
		creds = credentials.NewStaticCredentialsProvider(id, secret, os.Getenv("AWS_SESSION_TOKEN"))
	}
	return aws.Config{Region: region, Credentials: aws.NewCredentialsCache(creds)}, nil
}
