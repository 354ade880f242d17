package rules

import (
	"strings"
	"testing"
)

func TestSplitAssignment(t *testing.T) {
	tests := []struct {
		arg, key, value string
		ok              bool
	}{
		{"--api-key=abc", "api-key", "abc", true},
		{"-eTOKEN=x", "eTOKEN", "x", true},
		{"TOKEN=a=b", "TOKEN", "a=b", true},
		{"--a.b=c", "a.b", "c", true},
		{"Authorization: Bearer x", "Authorization", "Bearer x", true},
		{"X-Api-Key:\tabc", "X-Api-Key", "abc", true},
		{"TOKEN=", "", "", false},
		{"a: ", "", "", false},
		{"https://x.example", "", "", false}, // a scheme is no header
		{"-a: b", "", "", false},
		{"x.y: z", "", "", false},
		{"1a=b", "", "", false},
		{"a b=c", "", "", false},
		{"---a=b", "", "", false},
		{"plain words", "", "", false},
	}
	for _, tt := range tests {
		key, value, ok := splitAssignment(tt.arg)
		if key != tt.key || value != tt.value || ok != tt.ok {
			t.Errorf("splitAssignment(%q) = %q, %q, %v; want %q, %q, %v", tt.arg, key, value, ok, tt.key, tt.value, tt.ok)
		}
	}
}

func TestKeyWords(t *testing.T) {
	tests := map[string]string{
		"apiKeyHelper":      "api key helper",
		"API_KEY_HELPER":    "api key helper",
		"OAuthToken":        "o auth token",
		"XMLHttpToken":      "xml http token",
		"x-api-key":         "x api key",
		"token2":            "token2",
		"ÜberSecret":        "über secret",
		"a\xffB":            "a b",
		"--":                "",
		"GITHUB_PAT":        "github pat",
		"clientSecretValue": "client secret value",
	}
	for key, want := range tests {
		var words []string
		for w := range keyWords(key) {
			words = append(words, strings.ToLower(w))
		}
		if got := strings.Join(words, " "); got != want {
			t.Errorf("keyWords(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestSecretKeyName(t *testing.T) {
	for key, want := range map[string]bool{
		"key": false, "-key": false, "api_key": true, "OPENAI_KEY": true, "clientSecret": true,
		"ÜberSecret": true, "TOKEN_FILE": false, "apiKeyHelper": false, "name": false, "": false,
		"x-api-key": true, "Authorization": true, "PASSWORD_TTL": false,
	} {
		if got := secretKeyName(key); got != want {
			t.Errorf("secretKeyName(%q) = %v, want %v", key, got, want)
		}
	}
}
