// Package rest stubs client-go's REST client configuration.
package rest

type Config struct{ Host string }
