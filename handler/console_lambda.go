//go:build lambda

package main

import (
	"context"
	"errors"
	"io"

	"github.com/nightlegs/nightlegs/internal/skill"
)

// runConsole is not in the Lambda build (-tags lambda, make build), which
// links only what Lambda runs: no text matcher, no interaction model.
func runConsole(context.Context, config, *skill.Skill, io.Reader, io.Writer, io.Writer) error {
	return errors.New("this is the Lambda build (-tags lambda), which has no console: use `go run ./handler`")
}
