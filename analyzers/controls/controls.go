package controls

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

var Analyzer = &analysis.Analyzer{
	Name:       "atfcontrols",
	Doc:        "find the code that implements ATF controls, for atflint assess",
	URL:        "https://github.com/atflint/atflint/blob/main/README.md#conformance-statements",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// A Result lists the uses that show a control implemented.
type Result struct {
	Uses []Use
}

// A Use is where a package uses a function or type that implements a
// control.
type Use struct {
	Requirement string    // S-3, R-1, ...
	Object      string    // golang.org/x/time/rate.NewLimiter
	Pos         token.Pos // the first use in the package
}

// libraries maps a requirement to the packages (an import path, or a
// module path for it and every package under it) whose functions and
// types implement it.
var libraries = []struct {
	requirement string
	packages    []string
	// only, if set, names the functions and types that count; else any.
	only []string
}{
	{"S-3", []string{"golang.org/x/time/rate", "go.uber.org/ratelimit", "github.com/ulule/limiter/v3", "github.com/sethvargo/go-limiter"}, nil},
	{"R-1", []string{"github.com/sony/gobreaker", "github.com/sony/gobreaker/v2", "github.com/afex/hystrix-go/hystrix", "github.com/eapache/go-resiliency/breaker", "github.com/mercari/go-circuitbreaker", "github.com/rubyist/circuitbreaker"}, nil},
	{"B-1", []string{"log/slog", "go.uber.org/zap", "github.com/rs/zerolog", "go.opentelemetry.io/otel/log"}, nil},
	{"B-1", []string{"github.com/sirupsen/logrus"}, []string{"JSONFormatter", "WithFields", "WithField"}},
	{"B-2", []string{"go.opentelemetry.io/otel", "go.opentelemetry.io/otel/trace"}, []string{"Tracer", "Start", "SpanFromContext"}},
	{"R-2", []string{"os/signal"}, []string{"Notify", "NotifyContext"}},
	{"D-1", []string{"github.com/go-playground/validator/v10", "github.com/santhosh-tekuri/jsonschema/v6", "github.com/santhosh-tekuri/jsonschema/v5", "github.com/xeipuuv/gojsonschema", "github.com/google/jsonschema-go/jsonschema"}, nil},
}

// requirementOf says which requirement a use of obj shows, if any.
func requirementOf(obj types.Object) string {
	if obj.Pkg() == nil {
		return ""
	}
	path := obj.Pkg().Path()
	for _, lib := range libraries {
		if !slices.Contains(lib.packages, path) {
			continue
		}
		if lib.only == nil || slices.Contains(lib.only, obj.Name()) {
			return lib.requirement
		}
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	index := map[string]int{} // requirement and object: its place in res.Uses
	for id, obj := range pass.TypesInfo.Uses {
		switch obj.(type) {
		case *types.Func, *types.TypeName:
		default:
			continue
		}
		req := requirementOf(obj)
		if req == "" || isTestFile(pass, id.Pos()) {
			continue
		}
		name := obj.Pkg().Path() + "." + obj.Name()
		if fn, ok := obj.(*types.Func); ok {
			name = fn.FullName()
		}
		key := req + " " + name
		if i, ok := index[key]; ok {
			res.Uses[i].Pos = min(res.Uses[i].Pos, id.Pos())
			continue
		}
		index[key] = len(res.Uses)
		res.Uses = append(res.Uses, Use{req, name, id.Pos()})
	}
	// The map's order is random; the result's is not.
	sort.Slice(res.Uses, func(i, j int) bool {
		a, b := res.Uses[i], res.Uses[j]
		if a.Requirement != b.Requirement {
			return a.Requirement < b.Requirement
		}
		return a.Pos < b.Pos
	})
	return res, nil
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	return strings.HasSuffix(pass.Fset.Position(pos).Filename, "_test.go")
}
