module github.com/nightlegs/nightlegs

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1
	go.etcd.io/bbolt v1.5.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/stretchr/testify v1.11.1 // indirect
	golang.org/x/sys v0.45.0 // indirect
)
