package rules

import "testing"

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
