package auth

// TokenInfo holds what the server verified of the caller's bearer token.
type TokenInfo struct {
	Scopes []string
	UserID string
}
