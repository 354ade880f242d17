// Package v1 stubs client-go's typed core client (k8s.io/client-go v0.34).
package v1

import "context"

type Pod struct{ Name string }

type GetOptions struct{}

type DeleteOptions struct{}

type PodInterface interface {
	Get(ctx context.Context, name string, opts GetOptions) (*Pod, error)
	Delete(ctx context.Context, name string, opts DeleteOptions) error
}

type CoreV1Interface interface {
	Pods(namespace string) PodInterface
}
