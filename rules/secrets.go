package rules

import (
	"iter"
	"maps"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// secretFormats are credentials whose shape alone gives them away. A
// value is matched against a format only when it holds one of the format's
// hints (all of them, for a URL), which keeps the regular expressions off
// nearly every value.
var secretFormats = [...]struct {
	name     string
	hints    []string
	allHints bool // the value must hold every hint, not one
	re       *regexp.Regexp
}{
	{"GitHub token", []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"}, false, regexp.MustCompile(`\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b`)},
	{"Anthropic API key", []string{"sk-ant-"}, false, regexp.MustCompile(`\bsk-ant-[A-Za-z0-9_-]{20,}`)},
	{"OpenAI API key", []string{"sk-"}, false, regexp.MustCompile(`\bsk-(proj-|svcacct-)?[A-Za-z0-9_-]{32,}`)},
	{"AWS access key id", []string{"AKIA", "ASIA"}, false, regexp.MustCompile(`\b(AKIA|ASIA)[0-9A-Z]{16}\b`)},
	{"Slack token", []string{"xox"}, false, regexp.MustCompile(`\bxox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{8,}`)},
	{"Google API key", []string{"AIza"}, false, regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`)},
	{"Stripe key", []string{"_live_", "_test_"}, false, regexp.MustCompile(`\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}\b`)},
	{"private key", []string{"PRIVATE KEY"}, false, regexp.MustCompile(`-----BEGIN ([A-Z]+ )*PRIVATE KEY-----`)},
	{"JSON Web Token", []string{"eyJ"}, false, regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`)},
	{"password in a URL", []string{"://", "@"}, true, regexp.MustCompile(`[a-z][a-z0-9+.-]*://[^\s:/@]+:(?:[^\s/@$<{]|\$[^{\s/@])+@`)},
}

// secretWords are words of a key's name that announce a secret value; a
// name whose last word is "key" does too (OPENAI_KEY, BRAVE_KEY).
var secretWords = map[string]bool{
	"secret": true, "password": true, "passwd": true, "pwd": true, "token": true, "apikey": true,
	"privatekey": true, "accesskey": true, "authorization": true, "auth": true, "credential": true,
	"credentials": true, "passphrase": true, "cookie": true,
}

// referenceWords end the names of keys whose value is about a secret
// rather than the secret: TOKEN_FILE, apiKeyHelper, AUTH_URL, TOKEN_TTL.
var referenceWords = map[string]bool{
	"file": true, "path": true, "dir": true, "helper": true, "url": true, "uri": true, "endpoint": true,
	"host": true, "name": true, "id": true, "type": true, "mode": true, "header": true, "env": true,
	"var": true, "cmd": true, "command": true, "script": true, "prefix": true, "ttl": true,
	"expiry": true, "expires": true, "scope": true, "scopes": true, "provider": true, "method": true,
}

// secretKeyName reports whether a key announces a secret value. It runs
// on the key of every long value of every file, so its words are lowered
// into a buffer of its own, not allocated.
func secretKeyName(key string) bool {
	if lowerWord(key) {
		// Most keys are one word in lower case: ref, token, contact.
		return !referenceWords[key] && secretWords[key]
	}
	var buf [32]byte
	last, words, secret := "", 0, false
	for w := range keyWords(key) {
		last, words = w, words+1
		secret = secret || secretWords[string(lowered(buf[:0], w))]
	}
	if last == "" {
		return false
	}
	lastLower := lowered(buf[:0], last)
	switch {
	case referenceWords[string(lastLower)]:
		return false
	case string(lastLower) == "key" && words > 1:
		return true
	}
	return secret
}

// lowerWord reports a name of lower-case ASCII letters only.
func lowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// lowered appends w in lower case to buf.
func lowered(buf []byte, w string) []byte {
	for _, r := range w {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// keyWords yields the words of a key's name, split at separators and
// camel-case humps: "apiKeyHelper" and "API_KEY_HELPER" both give api,
// key, helper, as written.
func keyWords(key string) iter.Seq[string] {
	return func(yield func(string) bool) {
		from := -1 // where the word being read starts
		var prev rune
		for i, r := range key {
			switch {
			case !unicode.IsLetter(r) && !unicode.IsDigit(r):
				if from >= 0 && !yield(key[from:i]) {
					return
				}
				from, prev = -1, r
				continue
			case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(prev) || unicode.IsUpper(prev) && unicode.IsLower(runeAfter(key, i))):
				if from >= 0 && !yield(key[from:i]) {
					return
				}
				from = -1
			}
			if from < 0 {
				from = i
			}
			prev = r
		}
		if from >= 0 {
			yield(key[from:])
		}
	}
}

// runeAfter returns the rune after the one at byte i of s, or 0 at its end.
func runeAfter(s string, i int) rune {
	_, size := utf8.DecodeRuneInString(s[i:])
	r, _ := utf8.DecodeRuneInString(s[i+size:])
	if i+size >= len(s) {
		return 0
	}
	return r
}

// secretReference matches values that point at a secret instead of being
// one: ${VAR}, $VAR, {{...}}, <placeholder>, env:, vault:, op://, ARNs,
// URLs and file paths.
var secretReference = regexp.MustCompile(`^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^>]*>|\[[^\]]*\]|(env|vault|secret|secrets|aws-sm|gcp-sm|azure-kv|keyvault|file|arn|op|sops|ssm|kms)[:/].*|[a-z][a-z0-9+.-]*://\S*|(~|\.\.?)?/[\w.-]+/[\w./-]*)$`)

// placeholderWords are in the values examples and templates put where a
// secret goes.
var placeholderWords = []string{"your", "xxxx", "example", "placeholder", "replace", "changeme", "change_me", "dummy", "redacted", "insert", "fake", "sample", "here", "****", "...", "<", "todo"}

// placeholder reports a value written to be replaced: one with a
// placeholder word, or one character over half its length ("AKIAXXXX...").
func placeholder(v string) bool {
	lower := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	counts := map[rune]int{}
	n := utf8.RuneCountInString(lower)
	for _, r := range lower {
		counts[r]++
		if counts[r]*2 > n {
			return true
		}
	}
	return false
}

// literalSecret reports whether value, written under key, is a secret in
// clear text, and what kind. It never returns the secret itself.
func literalSecret(key, value string) (kind string, ok bool) {
	// The shortest secret any check below can find is a password in a
	// URL, a://b:c@; most values of a file are shorter.
	if len(value) < len("a://b:c@") {
		return "", false
	}
	hints := hintsIn(value)
	for i, f := range secretFormats {
		if all := uint32(1)<<len(f.hints) - 1; hints[i] != 0 && (!f.allHints || hints[i] == all) {
			if m := f.re.FindString(value); m != "" && !placeholder(m) {
				return f.name, true
			}
		}
	}
	if kind, ok := secretInQuery(value); ok {
		return kind, true
	}
	v := strings.TrimSpace(value)
	// An Authorization header's scheme is not part of the secret.
	for _, scheme := range []string{"Bearer ", "Basic ", "Token ", "token ", "bearer "} {
		v = strings.TrimPrefix(v, scheme)
	}
	// Cheapest first: most values are short or words.
	if !oneLongWord(v) || !secretKeyName(key) || !randomLooking(v) {
		return "", false
	}
	return "secret-looking value under " + quote(key), true
}

// randomLooking reports a value that looks generated: long enough, one
// word, letters and digits mixed, high entropy, and neither a reference
// nor a placeholder.
func randomLooking(v string) bool {
	return oneLongWord(v) && !secretReference.MatchString(v) &&
		!placeholder(v) && entropy(v) >= 3.5 && mixed(v)
}

// oneLongWord reports a value long enough to be a generated secret, with
// no space in it.
func oneLongWord(v string) bool {
	if len(v) < 12 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == ' ' || c == '\t' || c == '\n' {
			return false
		}
	}
	return true
}

// secretInQuery finds a secret passed in a URL's query: ?api_key=....
func secretInQuery(value string) (string, bool) {
	for _, p := range queryParams(value) {
		if secretKeyName(p.name) && randomLooking(p.value) {
			return "secret in the URL's " + quote(p.name) + " parameter", true
		}
	}
	return "", false
}

// parseURL parses a URL as a config writes it, where ${VAR} may stand for
// any part, the password included, in characters a URL does not allow.
func parseURL(raw string) (*url.URL, error) {
	// "1" is a valid host, port, user, password and path alike.
	return url.Parse(placeholderVar.ReplaceAllString(strings.TrimSpace(raw), "1"))
}

// hasPassword reports a URL with a password in it, however short.
func hasPassword(raw string) bool {
	u, err := parseURL(raw)
	if err != nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}

var placeholderVar = regexp.MustCompile(`\$\{[^}]*\}`)

// A queryParam is one name and value of a URL's query.
type queryParam struct{ name, value string }

// queryParams lists the parameters of a URL's query, sorted by name so
// that what is reported of them does not change from run to run.
func queryParams(raw string) []queryParam {
	if !strings.Contains(raw, "://") || !strings.Contains(raw, "?") {
		return nil
	}
	u, err := parseURL(raw)
	if err != nil {
		return nil
	}
	q := u.Query()
	var params []queryParam
	for _, name := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[name] {
			params = append(params, queryParam{name, v})
		}
	}
	return params
}

// splitAssignment reads an argument or value that sets one: "--name=value"
// or "NAME=value", and a header as mcp-remote takes it: "Name: value". It
// runs on every string of every file, so it reads by hand what a regular
// expression would.
func splitAssignment(s string) (key, value string, ok bool) {
	rest := s
	dashes := 0
	for dashes < 2 && strings.HasPrefix(rest, "-") {
		rest, dashes = rest[1:], dashes+1
	}
	n := 0
	for n < len(rest) && (isWordByte(rest[n]) || n > 0 && (rest[n] == '.' || rest[n] == '-' || isDigit(rest[n]))) {
		n++
	}
	if n == 0 || n == len(rest) || isDigit(rest[0]) {
		return "", "", false
	}
	key, sep, value := rest[:n], rest[n], rest[n+1:]
	switch {
	case sep == '=' && value != "":
		return key, value, true
	case sep == ':' && dashes == 0 && rest[0] != '_' && !strings.ContainsAny(key, "_.") && !strings.HasPrefix(value, "//"):
		if value = strings.TrimLeft(value, " \t"); value != "" {
			return key, value, true
		}
	}
	return "", "", false
}

func isWordByte(b byte) bool { return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// mixed reports whether s has both letters and digits, as generated
// secrets do and words do not.
func mixed(s string) bool {
	digit, letter := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		digit = digit || isDigit(c)
		letter = letter || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return digit && letter
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

// A hintRef is one hint of one secret format.
type hintRef struct {
	format, hint int
	text         string
}

// hintsByByte indexes the hints of the secret formats by their first byte,
// so that one pass over a value finds them all.
var hintsByByte = func() (index [256][]hintRef) {
	for fi, f := range secretFormats {
		for hi, h := range f.hints {
			index[h[0]] = append(index[h[0]], hintRef{fi, hi, h})
		}
	}
	return index
}()

// hintStarts marks the bytes a hint starts with: most bytes of a value
// start none.
var hintStarts = func() (starts [256]bool) {
	for b, hs := range hintsByByte {
		starts[b] = len(hs) > 0
	}
	return starts
}()

// hintsIn returns, for each secret format, a bit for each of its hints
// that s holds. Every string of every file goes through it.
func hintsIn(s string) (found [len(secretFormats)]uint32) {
	for i := 0; i < len(s); i++ {
		if !hintStarts[s[i]] {
			continue
		}
		for _, h := range hintsByByte[s[i]] {
			if strings.HasPrefix(s[i:], h.text) {
				found[h.format] |= 1 << h.hint
			}
		}
	}
	return found
}
