package rules

import (
	"math"
	"regexp"
	"strings"
)

// secretFormats are credentials whose shape alone gives them away. A
// value is matched against a format only when it holds one of the format's
// hints (all of them, for a URL), which keeps the regular expressions off
// nearly every value.
var secretFormats = []struct {
	name  string
	hints []string
	re    *regexp.Regexp
}{
	{"GitHub token", []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"}, regexp.MustCompile(`\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b`)},
	{"Anthropic API key", []string{"sk-ant-"}, regexp.MustCompile(`\bsk-ant-[A-Za-z0-9_-]{20,}`)},
	{"OpenAI API key", []string{"sk-"}, regexp.MustCompile(`\bsk-(proj-|svcacct-)?[A-Za-z0-9_-]{32,}`)},
	{"AWS access key id", []string{"AKIA", "ASIA"}, regexp.MustCompile(`\b(AKIA|ASIA)[0-9A-Z]{16}\b`)},
	{"Slack token", []string{"xox"}, regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{10,}`)},
	{"Google API key", []string{"AIza"}, regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`)},
	{"Stripe key", []string{"_live_", "_test_"}, regexp.MustCompile(`\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}\b`)},
	{"private key", []string{"PRIVATE KEY"}, regexp.MustCompile(`-----BEGIN ([A-Z]+ )*PRIVATE KEY-----`)},
	{"JSON Web Token", []string{"eyJ"}, regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`)},
	{"password in a URL", []string{"://", "@"}, regexp.MustCompile(`[a-z][a-z0-9+.-]*://[^\s:/@]+:[^\s/@$<{]{3,}@`)},
}

// secretKeyWords are what the name of a key that holds a secret contains.
var secretKeyWords = []string{"secret", "password", "passwd", "pwd", "token", "apikey", "api_key", "api-key", "privatekey", "private_key", "private-key", "accesskey", "access_key", "access-key", "authorization"}

// secretKeyName reports whether a key announces a secret value.
func secretKeyName(key string) bool {
	k := strings.ToLower(key)
	return hinted(k, secretKeyWords, false) || strings.HasSuffix(k, "credential") || strings.HasSuffix(k, "credentials") || strings.HasSuffix(k, "auth")
}

// secretReference matches values that point at a secret instead of being
// one: ${VAR}, $VAR, {{...}}, <placeholder>, env:, vault:, op://, ARNs.
var secretReference = regexp.MustCompile(`^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^>]*>|\[[^\]]*\]|(env|vault|secret|secrets|aws-sm|gcp-sm|azure-kv|keyvault|file|arn|op|sops|ssm|kms)[:/].*|[a-z][a-z0-9+.-]*://\S*)$`)

// literalSecret reports whether value, written under key, is a secret in
// clear text, and what kind. It never returns the secret itself.
func literalSecret(key, value string) (kind string, ok bool) {
	for _, f := range secretFormats {
		if hinted(value, f.hints, f.name == "password in a URL") && f.re.MatchString(value) {
			return f.name, true
		}
	}
	v := strings.TrimSpace(value)
	// An Authorization header's scheme is not part of the secret.
	for _, scheme := range []string{"Bearer ", "Basic ", "Token ", "token ", "bearer "} {
		v = strings.TrimPrefix(v, scheme)
	}
	if len(v) < 12 || strings.ContainsAny(v, " \t\n") || !secretKeyName(key) || secretReference.MatchString(v) {
		return "", false
	}
	if entropy(v) < 3.5 || !mixed(v) {
		return "", false // a word or a name, not a random string
	}
	return "secret-looking value under " + quote(key), true
}

// assignment matches an argument that sets a value: --api-key=..., TOKEN=...
var assignment = regexp.MustCompile(`^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)=(.+)$`)

// splitAssignment reads "--name=value" or "NAME=value" into its parts.
func splitAssignment(s string) (key, value string, ok bool) {
	m := assignment.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// mixed reports whether s has both letters and digits, as generated
// secrets do and words do not.
func mixed(s string) bool {
	return strings.ContainsAny(s, "0123456789") && strings.IndexFunc(s, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}) >= 0
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// hinted reports whether s holds any of the hints, or all of them.
func hinted(s string, hints []string, all bool) bool {
	for _, h := range hints {
		if strings.Contains(s, h) != all {
			return !all
		}
	}
	return all
}
