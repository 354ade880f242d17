// Package sinks maps calls to the capabilities of the ATF manifest
// contract: the standard library and common clients, by the full name of
// the resolved function, with the arguments that refine it (the flags of
// os.OpenFile, the variable name of os.Getenv, the verb of a SQL
// statement).
package sinks

import (
	"go/constant"
	"go/types"
	"regexp"
	"strings"
)

// A Sink is what one call does.
type Sink struct {
	Capability string // a capability name of the manifest contract
	SideEffect bool   // it changes something outside the agent
	// Target is what the call acts on, where the call names it: a file's
	// path, a URL, a network address. Dynamic: it names one, but not as
	// a constant, so no declared scope can be checked against it.
	Target  string
	Dynamic bool
	// Post: it sends an HTTP POST, a write by HTTP's meaning that query
	// and search APIs also use to read.
	Post bool
}

// sink kinds: a plain capability, or one refined by an argument.
type kind uint8

const (
	plain kind = iota
	openFile
	getenv
	sqlQuery
	sqlExec
)

type entry struct {
	kind kind
	sink Sink
	arg  int // the argument that refines the sink
}

var (
	execSink    = entry{sink: Sink{Capability: "exec", SideEffect: true}}
	evalSink    = entry{sink: Sink{Capability: "code.eval", SideEffect: true}}
	netRead     = entry{sink: Sink{Capability: "net.outbound"}}
	netSend     = entry{sink: Sink{Capability: "net.outbound", SideEffect: true}}
	netPost     = entry{sink: Sink{Capability: "net.outbound", SideEffect: true, Post: true}}
	listen      = entry{sink: Sink{Capability: "net.listen"}}
	fsRead      = entry{sink: Sink{Capability: "fs.read"}}
	fsWrite     = entry{sink: Sink{Capability: "fs.write", SideEffect: true}}
	fsDelete    = entry{sink: Sink{Capability: "fs.delete", SideEffect: true}}
	dbRead      = entry{sink: Sink{Capability: "db.read"}}
	dbWrite     = entry{sink: Sink{Capability: "db.write", SideEffect: true}}
	delegate    = entry{sink: Sink{Capability: "agent.delegate", SideEffect: true}}
	allEnv      = entry{sink: Sink{Capability: "secrets.read"}}
	query0      = entry{kind: sqlQuery, arg: 0}
	query1      = entry{kind: sqlQuery, arg: 1}
	exec0       = entry{kind: sqlExec, arg: 0}
	exec1       = entry{kind: sqlExec, arg: 1}
	envVar      = entry{kind: getenv, arg: 0}
	openFileArg = entry{kind: openFile, arg: 1}
)

// byName holds the sinks matched by full function name.
var byName = map[string]entry{
	"os/exec.Command": execSink, "os/exec.CommandContext": execSink,
	"os.StartProcess": execSink, "syscall.Exec": execSink, "syscall.ForkExec": execSink,
	"syscall.StartProcess": execSink, "golang.org/x/sys/unix.Exec": execSink,
	"plugin.Open": evalSink,

	"net/http.Get": netRead, "net/http.Head": netRead, "net/http.Post": netPost, "net/http.PostForm": netPost,
	"(*net/http.Client).Get": netRead, "(*net/http.Client).Head": netRead, "(*net/http.Client).Do": netSend,
	"(*net/http.Client).Post": netPost, "(*net/http.Client).PostForm": netPost,
	"(*net/http.Transport).RoundTrip": netSend,
	"net.Dial":                        netSend, "net.DialTimeout": netSend, "net.DialTCP": netSend, "net.DialUDP": netSend,
	"net.DialIP": netSend, "net.DialUnix": netSend, "(*net.Dialer).Dial": netSend, "(*net.Dialer).DialContext": netSend,
	"crypto/tls.Dial": netSend, "(*crypto/tls.Dialer).DialContext": netSend, "net/smtp.SendMail": netSend,
	"net/rpc.Dial": netSend, "net/rpc.DialHTTP": netSend,

	"net.Listen": listen, "net.ListenPacket": listen, "net/http.ListenAndServe": listen,
	"net/http.ListenAndServeTLS": listen, "(*net/http.Server).ListenAndServe": listen,
	"(*net/http.Server).ListenAndServeTLS": listen,

	"os.Open": fsRead, "os.ReadFile": fsRead, "os.ReadDir": fsRead, "io/ioutil.ReadFile": fsRead,
	"io/ioutil.ReadDir": fsRead, "path/filepath.Walk": fsRead, "path/filepath.WalkDir": fsRead,
	"os.OpenFile": openFileArg,
	"os.Create":   fsWrite, "os.WriteFile": fsWrite, "os.Mkdir": fsWrite, "os.MkdirAll": fsWrite,
	"os.MkdirTemp": fsWrite, "os.CreateTemp": fsWrite, "os.Rename": fsWrite, "os.Link": fsWrite,
	"os.Symlink": fsWrite, "os.Truncate": fsWrite, "os.Chmod": fsWrite, "os.Chown": fsWrite,
	"os.CopyFS": fsWrite, "io/ioutil.WriteFile": fsWrite,
	"os.Remove": fsDelete, "os.RemoveAll": fsDelete, "syscall.Unlink": fsDelete, "syscall.Rmdir": fsDelete,
	"(*os.Root).Remove": fsDelete, "(*os.Root).RemoveAll": fsDelete,
	"(*os.Root).Create": fsWrite, "(*os.Root).WriteFile": fsWrite, "(*os.Root).Mkdir": fsWrite,

	"os.Getenv": envVar, "os.LookupEnv": envVar, "syscall.Getenv": envVar,
	"os.Environ": allEnv, "syscall.Environ": allEnv,

	"(*database/sql.DB).Query": query0, "(*database/sql.DB).QueryRow": query0,
	"(*database/sql.DB).QueryContext": query1, "(*database/sql.DB).QueryRowContext": query1,
	"(*database/sql.Tx).Query": query0, "(*database/sql.Tx).QueryRow": query0,
	"(*database/sql.Tx).QueryContext": query1, "(*database/sql.Tx).QueryRowContext": query1,
	"(*database/sql.Conn).QueryContext": query1, "(*database/sql.Conn).QueryRowContext": query1,
	"(*database/sql.DB).Exec": exec0, "(*database/sql.DB).ExecContext": exec1,
	"(*database/sql.Tx).Exec": exec0, "(*database/sql.Tx).ExecContext": exec1,
	"(*database/sql.Conn).ExecContext": exec1,
	"(*database/sql.Stmt).Exec":        dbWrite, "(*database/sql.Stmt).ExecContext": dbWrite,
	"(*database/sql.Stmt).Query": dbRead, "(*database/sql.Stmt).QueryContext": dbRead,

	"(*github.com/jackc/pgx/v5.Conn).Query": query1, "(*github.com/jackc/pgx/v5.Conn).QueryRow": query1,
	"(*github.com/jackc/pgx/v5.Conn).Exec":          exec1,
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Query": query1, "(*github.com/jackc/pgx/v5/pgxpool.Pool).QueryRow": query1,
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Exec": exec1,

	"(*github.com/modelcontextprotocol/go-sdk/mcp.ClientSession).CallTool": delegate,
	"(*github.com/mark3labs/mcp-go/client.Client).CallTool":                delegate,
}

// redisWrites and redisReads are go-redis commands; go-redis declares them
// on an unexported type, so they are matched by package and method name.
var (
	redisPackages = []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"}
	redisWrites   = map[string]bool{"Set": true, "SetNX": true, "SetEx": true, "Del": true, "HSet": true, "HDel": true, "Expire": true, "FlushAll": true, "FlushDB": true, "LPush": true, "RPush": true, "SAdd": true, "ZAdd": true, "Incr": true, "Publish": true}
	redisReads    = map[string]bool{"Get": true, "MGet": true, "HGet": true, "HGetAll": true, "Keys": true, "Scan": true, "LRange": true, "SMembers": true, "Exists": true}
)

// secretName matches environment variables that hold secrets.
var secretName = regexp.MustCompile(`(?i)(TOKEN|SECRET|PASS(WORD|WD)?|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY|AUTH|DSN|DATABASE_URL|CONN(ECTION)?_?STR)`)

// targets are the argument naming what a sink acts on, by function.
var targets = map[string]int{
	"net/http.Get": 0, "net/http.Head": 0, "net/http.Post": 0, "net/http.PostForm": 0,
	"(*net/http.Client).Get": 0, "(*net/http.Client).Head": 0, "(*net/http.Client).Post": 0, "(*net/http.Client).PostForm": 0,
	"net.Dial": 1, "net.DialTimeout": 1, "(*net.Dialer).Dial": 1, "(*net.Dialer).DialContext": 2, "crypto/tls.Dial": 1,
	"os.Open": 0, "os.ReadFile": 0, "os.ReadDir": 0, "io/ioutil.ReadFile": 0, "io/ioutil.ReadDir": 0,
	"path/filepath.Walk": 0, "path/filepath.WalkDir": 0, "os.OpenFile": 0, "os.Create": 0, "os.WriteFile": 0,
	"os.Mkdir": 0, "os.MkdirAll": 0, "os.Rename": 1, "os.Truncate": 0, "os.Chmod": 0, "os.Chown": 0,
	"io/ioutil.WriteFile": 0, "os.Remove": 0, "os.RemoveAll": 0,
}

// Of returns what a call of fn does, given a way to read its arguments'
// constant values, if it is a known sink.
func Of(fn *types.Func, constArg func(i int) constant.Value) (Sink, bool) {
	full := fn.FullName() // built on each call: once here
	s, ok := of(fn, full, constArg)
	if i, named := targets[full]; ok && named {
		if v := constArg(i); v != nil && v.Kind() == constant.String {
			s.Target = constant.StringVal(v)
		} else {
			s.Dynamic = true
		}
	}
	return s, ok
}

func of(fn *types.Func, full string, constArg func(i int) constant.Value) (Sink, bool) {
	e, ok := byName[full]
	if !ok {
		if s, ok := redis(fn); ok {
			return s, true
		}
		return client(fn, full)
	}
	switch e.kind {
	case openFile:
		// Read-only flags read; anything else, or flags not known, writes.
		if v := constArg(e.arg); v != nil && v.Kind() == constant.Int {
			if flags, ok := constant.Int64Val(v); ok && flags&writeFlags(fn.Pkg()) == 0 {
				return Sink{Capability: "fs.read"}, true
			}
		}
		return Sink{Capability: "fs.write", SideEffect: true}, true
	case getenv:
		if v := constArg(e.arg); v != nil && v.Kind() == constant.String && !secretName.MatchString(constant.StringVal(v)) {
			return Sink{Capability: "env.read"}, true
		}
		return Sink{Capability: "secrets.read"}, true
	case sqlQuery, sqlExec:
		write := e.kind == sqlExec
		if v := constArg(e.arg); v != nil && v.Kind() == constant.String {
			write = writesSQL(constant.StringVal(v))
		}
		if write {
			return Sink{Capability: "db.write", SideEffect: true}, true
		}
		return Sink{Capability: "db.read"}, true
	}
	return e.sink, true
}

// writeFlags are the os.OpenFile flags that write, with the values of the
// platform the code is checked for.
func writeFlags(os *types.Package) int64 {
	var mask int64
	for _, name := range []string{"O_WRONLY", "O_RDWR", "O_CREATE", "O_TRUNC", "O_APPEND"} {
		if c, ok := os.Scope().Lookup(name).(*types.Const); ok {
			if v, ok := constant.Int64Val(constant.ToInt(c.Val())); ok {
				mask |= v
			}
		}
	}
	return mask
}

func redis(fn *types.Func) (Sink, bool) {
	if fn.Pkg() == nil {
		return Sink{}, false
	}
	path := fn.Pkg().Path()
	for _, p := range redisPackages {
		if path == p {
			switch {
			case redisWrites[fn.Name()]:
				return Sink{Capability: "db.write", SideEffect: true}, true
			case redisReads[fn.Name()]:
				return Sink{Capability: "db.read"}, true
			}
		}
	}
	return Sink{}, false
}

// apiClients are client packages whose methods are named after the API
// operation they send, so the method says whether it reads or writes:
// Kubernetes' typed, dynamic and metadata clients (interfaces, called
// through them), controller-runtime's client, the AWS SDK's service
// clients, Google Cloud Storage's handles, Slack's Web API client and the
// GraphQL clients, whose Query reads and Mutate writes though both POST,
// and go-github's services, which take the method as a parameter.
// What their implementations do on the wire (a request whose method is a
// field, or always POST) does not say what the operation does.
var apiClients = []string{
	"k8s.io/client-go/kubernetes/typed/", "k8s.io/client-go/dynamic", "k8s.io/client-go/metadata",
	"sigs.k8s.io/controller-runtime/pkg/client", "github.com/aws/aws-sdk-go-v2/service/",
	"cloud.google.com/go/storage", "github.com/slack-go/slack",
	"github.com/shurcooL/githubv4", "github.com/shurcooL/graphql", "github.com/hasura/go-graphql-client",
	"github.com/google/go-github/",
}

// apiReads and apiWrites are the leading verbs of those operations.
var (
	apiReads  = []string{"Get", "List", "Watch", "Describe", "Head", "Search", "Query", "Scan", "Read", "Attrs", "Objects", "Lookup", "NewReader", "NewRangeReader", "Download", "Compare", "Is"}
	apiWrites = []string{"Create", "Update", "Patch", "Apply", "Delete", "Evict", "Bind", "Put", "Modify", "Remove",
		"Terminate", "Stop", "Start", "Reboot", "Run", "Invoke", "Send", "Publish", "Attach", "Detach", "Copy",
		"Restore", "Revoke", "Authorize", "Associate", "Disassociate", "Enable", "Disable", "Reset", "Set",
		"Add", "Register", "Deregister", "Tag", "Untag", "Import", "Export", "Upload", "Write", "NewWriter",
		"Post", "Mark", "Join", "Leave", "Kick", "Invite", "Archive", "Unarchive", "Rename", "Pin", "Unpin",
		"Schedule", "Share", "Unshare", "Open", "Close", "Mutate", "Edit", "Merge", "Lock", "Unlock", "Replace",
		"Dismiss", "Submit", "Transfer", "Rerun", "Cancel", "Star", "Unstar", "Redeliver", "Review", "Request"}
)

// clientTypes are the client packages whose other types have methods
// named like operations that send nothing, with the receivers that do
// send: an AWS service package's one Client (its options and paginators
// have Copy), go-github's services (its data types have GetTitle).
var clientTypes = []struct {
	under string
	sends func(recv string) bool
}{
	{"github.com/aws/", func(recv string) bool { return recv == "Client" }},
	{"github.com/google/go-github/", func(recv string) bool { return strings.HasSuffix(recv, "Service") }},
}

// reviewAPIs are Kubernetes API groups whose only objects are questions
// (SelfSubjectAccessReview, TokenReview): creating one asks whether a
// request would be allowed or who a token is, and changes nothing.
var reviewAPIs = []string{"k8s.io/client-go/kubernetes/typed/authorization/", "k8s.io/client-go/kubernetes/typed/authentication/"}

// execClients start a command in a container: Kubernetes' pod exec and
// attach streams.
var execClients = map[string]bool{
	"k8s.io/client-go/tools/remotecommand.NewSPDYExecutor":                  true,
	"k8s.io/client-go/tools/remotecommand.NewSPDYExecutorForTransports":     true,
	"k8s.io/client-go/tools/remotecommand.NewSPDYExecutorForProtocols":      true,
	"k8s.io/client-go/tools/remotecommand.NewWebSocketExecutor":             true,
	"k8s.io/client-go/tools/remotecommand.NewWebSocketExecutorForProtocols": true,
	"(k8s.io/client-go/tools/remotecommand.Executor).Stream":                true,
	"(k8s.io/client-go/tools/remotecommand.Executor).StreamWithContext":     true,
}

// client classifies a method of an API client by its operation's verb:
// a write sends, a read reads; any other method is not a sink here.
func client(fn *types.Func, full string) (Sink, bool) {
	if execClients[full] {
		return Sink{Capability: "exec", SideEffect: true}, true
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || !under(fn.Pkg().Path(), apiClients) {
		return Sink{}, false
	}
	for _, c := range clientTypes {
		if strings.HasPrefix(fn.Pkg().Path(), c.under) && !c.sends(recvName(sig)) {
			return Sink{}, false
		}
	}
	switch {
	case under(fn.Pkg().Path(), reviewAPIs):
		return Sink{Capability: "net.outbound"}, true
	case leadingVerb(fn.Name(), apiWrites):
		return Sink{Capability: "net.outbound", SideEffect: true}, true
	case leadingVerb(fn.Name(), apiReads):
		return Sink{Capability: "net.outbound"}, true
	}
	return Sink{}, false
}

// recvName is the name of a method's receiver type.
func recvName(sig *types.Signature) string {
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// under reports a package that is one of the paths or under one; a path
// ending in "/" names only the packages under it.
func under(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || strings.HasPrefix(path, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

// leadingVerb reports a name that is one of the verbs or starts with one
// followed by an upper-case letter: DeleteObject, but not Deleted.
func leadingVerb(name string, verbs []string) bool {
	for _, v := range verbs {
		if rest, ok := strings.CutPrefix(name, v); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

// writesSQL reports whether a statement changes data, by its first word.
func writesSQL(stmt string) bool {
	f := strings.Fields(strings.TrimLeft(stmt, " \t\n(;"))
	if len(f) == 0 {
		return true
	}
	switch strings.ToUpper(f[0]) {
	case "SELECT", "SHOW", "EXPLAIN", "DESCRIBE", "WITH", "VALUES", "PRAGMA", "SET", "BEGIN", "COMMIT", "ROLLBACK":
		return strings.Contains(strings.ToUpper(stmt), " RETURNING ")
	}
	return true
}

// SideEffect reports whether a capability changes something outside the
// agent whatever the call. net.outbound depends on the call.
func SideEffect(capability string) bool {
	switch capability {
	case "exec", "code.eval", "fs.write", "fs.delete", "db.write", "agent.delegate":
		return true
	}
	return false
}

// quietPrefixes are the logging, metrics and tracing libraries: the files
// they rotate and the collectors they push to are not what a tool that
// logs does.
var quietPrefixes = []string{
	"github.com/sirupsen/logrus", "go.uber.org/zap", "github.com/rs/zerolog", "k8s.io/klog",
	"gopkg.in/natefinch/lumberjack.v2", "github.com/natefinch/lumberjack", "github.com/go-logr/",
	"github.com/prometheus/client_golang", "go.opentelemetry.io/", "github.com/getsentry/sentry-go",
}

// Quiet reports whether what a function of this package reaches is not
// its caller's effect: the package is a logging, metrics or tracing
// library.
func Quiet(pkgPath string) bool {
	for _, p := range quietPrefixes {
		if pkgPath == strings.TrimSuffix(p, "/") || strings.HasPrefix(pkgPath, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

// Inputs are the arguments of a call that a value the model chose must not
// reach unchecked, and what they name: a command and its arguments, a
// file's path, a URL, an SQL statement. nargs is how many the call has.
func Inputs(fn *types.Func, nargs int) (args []int, what string) {
	full := fn.FullName()
	switch full {
	case "os/exec.Command":
		return span(0, nargs), "command"
	case "os/exec.CommandContext":
		return span(1, nargs), "command"
	case "net/http.NewRequest":
		return []int{1}, "URL"
	case "net/http.NewRequestWithContext":
		return []int{2}, "URL"
	}
	if e, ok := byName[full]; ok && (e.kind == sqlQuery || e.kind == sqlExec) {
		return []int{e.arg}, "SQL statement"
	}
	if i, ok := targets[full]; ok {
		if e := byName[full]; e.sink.Capability == "net.outbound" {
			return []int{i}, "URL"
		}
		return []int{i}, "path"
	}
	return nil, ""
}

func span(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
