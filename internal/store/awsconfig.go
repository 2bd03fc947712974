//go:build !lambda

package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

// loadAWSConfig is the AWS SDK's standard configuration: environment,
// shared files, SSO, instance roles. creds, if set, replaces the
// credentials it would find.
func loadAWSConfig(ctx context.Context, creds aws.CredentialsProvider) (aws.Config, error) {
	var opts []func(*config.LoadOptions) error
	if creds != nil {
		opts = append(opts, config.WithCredentialsProvider(creds))
	}
	return config.LoadDefaultConfig(ctx, opts...)
}
