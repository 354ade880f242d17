// Package v1 stubs client-go's typed authorization client (k8s.io/client-go
// v0.34).
package v1

import "context"

type SelfSubjectAccessReview struct{ Allowed bool }

type CreateOptions struct{}

type SelfSubjectAccessReviewInterface interface {
	Create(ctx context.Context, review *SelfSubjectAccessReview, opts CreateOptions) (*SelfSubjectAccessReview, error)
}

type AuthorizationV1Interface interface {
	SelfSubjectAccessReviews() SelfSubjectAccessReviewInterface
}
