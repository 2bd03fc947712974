module github.com/nightlegs/nightlegs

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/stretchr/testify v1.11.1 // indirect
