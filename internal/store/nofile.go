//go:build lambda

package store

import "errors"

// openFile fails: the Lambda build keeps nothing in files (Lambda's file
// system is not kept between starts) and so links no file store.
func openFile(string) (Store, error) {
	return nil, errors.New("open store: the Lambda build keeps no file; set TABLE_NAME")
}
