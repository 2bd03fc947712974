// Package bench measures Night Legs where a listener would notice: the
// cold start of the Lambda function against a floor program, warm turns,
// many listeners at once through -serve, and turns as history grows. Its
// tests and benchmarks need moto_server (make moto); `make bench` runs them
// all and prints the tables the README's Speed section shows, and `make
// test` runs the load check at a small size.
package bench
