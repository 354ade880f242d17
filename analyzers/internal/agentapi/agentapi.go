// Package agentapi knows the Go agent frameworks' APIs: the calls that
// register a tool and where their handler and name are, the interfaces a
// tool type implements, the calls that build a server or agent with a
// name, and the frameworks' own human-in-the-loop primitives. Everything
// is matched by the full name of the resolved function or type, never by
// an identifier's spelling.
package agentapi

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Registrar is a call that registers a tool.
type Registrar struct {
	Framework string
	// Handler is the index of the handler argument; -1 when the call
	// takes server.ServerTool values that each carry a handler.
	Handler int
	// Name is the index of the argument that names the tool: a string, a
	// call of a tool constructor, or a struct (or pointer to one) with a
	// Name field.
	Name int
	// Confirm names the field of the Name argument's struct that makes
	// the framework ask a person before each call (ADK).
	Confirm []string
}

const (
	goSDK      = "github.com/modelcontextprotocol/go-sdk/mcp"
	mcpGoSrv   = "github.com/mark3labs/mcp-go/server"
	mcpGo      = "github.com/mark3labs/mcp-go/mcp"
	genkit     = "github.com/firebase/genkit/go/genkit"
	genkitAI   = "github.com/firebase/genkit/go/ai"
	einoUtils  = "github.com/cloudwego/eino/components/tool/utils"
	einoTool   = "github.com/cloudwego/eino/components/tool"
	toolrunner = "github.com/anthropics/anthropic-sdk-go/toolrunner"
	adkFT      = "google.golang.org/adk/tool/functiontool"
	adkFT2     = "google.golang.org/adk/v2/tool/functiontool"
)

// Registrars are the tool-registering calls, by the full name of the
// (generic origin of the) function.
var Registrars = map[string]Registrar{
	goSDK + ".AddTool":                              {Framework: "go-sdk", Handler: 2, Name: 1},
	"(*" + goSDK + ".Server).AddTool":               {Framework: "go-sdk", Handler: 1, Name: 0},
	"(*" + mcpGoSrv + ".MCPServer).AddTool":         {Framework: "mcp-go", Handler: 1, Name: 0},
	"(*" + mcpGoSrv + ".MCPServer).AddTaskTool":     {Framework: "mcp-go", Handler: 1, Name: 0},
	"(*" + mcpGoSrv + ".MCPServer).AddSessionTool":  {Framework: "mcp-go", Handler: 2, Name: 1},
	"(*" + mcpGoSrv + ".MCPServer).AddTools":        {Framework: "mcp-go", Handler: -1, Name: -1},
	"(*" + mcpGoSrv + ".MCPServer).SetTools":        {Framework: "mcp-go", Handler: -1, Name: -1},
	"(*" + mcpGoSrv + ".MCPServer).AddSessionTools": {Framework: "mcp-go", Handler: -1, Name: -1},
	genkit + ".DefineTool":                          {Framework: "genkit", Handler: 3, Name: 1},
	genkit + ".DefineMultipartTool":                 {Framework: "genkit", Handler: 3, Name: 1},
	genkit + ".DefineToolWithInputSchema":           {Framework: "genkit", Handler: 4, Name: 1},
	genkitAI + ".NewTool":                           {Framework: "genkit", Handler: 2, Name: 0},
	genkitAI + ".NewMultipartTool":                  {Framework: "genkit", Handler: 2, Name: 0},
	genkitAI + ".DefineTool":                        {Framework: "genkit", Handler: 3, Name: 1},
	einoUtils + ".InferTool":                        {Framework: "eino", Handler: 2, Name: 0},
	einoUtils + ".InferOptionableTool":              {Framework: "eino", Handler: 2, Name: 0},
	einoUtils + ".InferStreamTool":                  {Framework: "eino", Handler: 2, Name: 0},
	einoUtils + ".InferEnhancedTool":                {Framework: "eino", Handler: 2, Name: 0},
	einoUtils + ".InferEnhancedStreamTool":          {Framework: "eino", Handler: 2, Name: 0},
	einoUtils + ".NewTool":                          {Framework: "eino", Handler: 1, Name: 0},
	einoUtils + ".NewStreamTool":                    {Framework: "eino", Handler: 1, Name: 0},
	einoUtils + ".NewEnhancedTool":                  {Framework: "eino", Handler: 1, Name: 0},
	einoUtils + ".NewEnhancedStreamTool":            {Framework: "eino", Handler: 1, Name: 0},
	toolrunner + ".NewBetaToolFromJSONSchema":       {Framework: "anthropic", Handler: 2, Name: 0},
	toolrunner + ".NewBetaToolFromBytes":            {Framework: "anthropic", Handler: 3, Name: 0},
	toolrunner + ".NewBetaTool":                     {Framework: "anthropic", Handler: 3, Name: 0},
	adkFT + ".New":                                  {Framework: "adk", Handler: 1, Name: 0, Confirm: []string{"RequireConfirmation", "RequireConfirmationProvider"}},
	adkFT + ".NewStreaming":                         {Framework: "adk", Handler: 1, Name: 0, Confirm: []string{"RequireConfirmation", "RequireConfirmationProvider"}},
	adkFT2 + ".New":                                 {Framework: "adk", Handler: 1, Name: 0, Confirm: []string{"RequireConfirmation", "RequireConfirmationProvider"}},
	adkFT2 + ".NewStreaming":                        {Framework: "adk", Handler: 1, Name: 0, Confirm: []string{"RequireConfirmation", "RequireConfirmationProvider"}},
}

// HandlerWrappers wrap a handler in another; the handler is their first
// argument.
var HandlerWrappers = map[string]bool{
	mcpGo + ".NewTypedToolHandler":      true,
	mcpGo + ".NewStructuredToolHandler": true,
}

// ToolConstructors build a tool value whose first argument is its name,
// with the framework they belong to.
var ToolConstructors = map[string]string{
	mcpGo + ".NewTool":              "mcp-go",
	mcpGo + ".NewToolWithRawSchema": "mcp-go",
}

// ToolTypes are the frameworks' tool value types, by full name: a literal
// of one with a Name is a tool wherever it is built, and is linked to its
// handler through the values that carry it.
var ToolTypes = map[string]string{
	goSDK + ".Tool": "go-sdk",
	mcpGo + ".Tool": "mcp-go",
}

// ServerToolType is mcp-go's pair of a tool and its handler.
const ServerToolType = mcpGoSrv + ".ServerTool"

// A ToolInterface is an interface whose implementations are tools: the
// handler is Method, and NameMethod or InfoMethod gives the name.
type ToolInterface struct {
	Framework  string
	Interface  string // full name of the interface type
	Method     string
	NameMethod string // returns the name as a string
	InfoMethod string // returns a struct literal with a Name field
	// DescriptionMethod returns the description the model reads, for
	// the interfaces that ask for one.
	DescriptionMethod string
}

// ToolInterfaces are the interfaces of tool types.
var ToolInterfaces = []ToolInterface{
	{Framework: "langchaingo", Interface: "github.com/tmc/langchaingo/tools.Tool", Method: "Call", NameMethod: "Name", DescriptionMethod: "Description"},
	{Framework: "eino", Interface: einoTool + ".InvokableTool", Method: "InvokableRun", InfoMethod: "Info"},
	{Framework: "eino", Interface: einoTool + ".StreamableTool", Method: "StreamableRun", InfoMethod: "Info"},
	{Framework: "eino", Interface: einoTool + ".EnhancedInvokableTool", Method: "InvokableRun", InfoMethod: "Info"},
	{Framework: "anthropic", Interface: "github.com/anthropics/anthropic-sdk-go.BetaTool", Method: "Execute", NameMethod: "Name", DescriptionMethod: "Description"},
}

// A Declaration is a struct type that declares a tool to a model API by
// name, for code that then dispatches on the name of the tool called.
type Declaration struct {
	Framework string
	Type      string // full name of the struct type, with a Name field
}

// Declarations are the tool declarations of the model APIs.
var Declarations = []Declaration{
	// openai.FunctionDefinitionParam is an alias of the shared package's.
	{Framework: "openai", Type: "github.com/openai/openai-go/v3/shared.FunctionDefinitionParam"},
	{Framework: "openai", Type: "github.com/openai/openai-go/v2/shared.FunctionDefinitionParam"},
	{Framework: "openai", Type: "github.com/openai/openai-go/shared.FunctionDefinitionParam"},
	{Framework: "openai", Type: "github.com/openai/openai-go/v3/responses.FunctionToolParam"},
	{Framework: "anthropic", Type: "github.com/anthropics/anthropic-sdk-go.ToolParam"},
}

// DispatchPackages are the packages whose types carry the name of the
// tool a model called (tc.Function.Name, toolUse.Name).
var DispatchPackages = []string{
	"github.com/openai/openai-go/v3", "github.com/openai/openai-go/v2", "github.com/openai/openai-go",
	"github.com/openai/openai-go/v3/responses", "github.com/anthropics/anthropic-sdk-go",
}

// An Identity is a call that builds a server or an agent, whose name is
// the agent's identity in code.
type Identity struct {
	Framework string
	// Name is the index of the argument that names it: a string, or a
	// struct (or pointer to one) with a Name field. A nil struct counts
	// as no name.
	Name int
	What string
}

// Identities are the server and agent constructors.
var Identities = map[string]Identity{
	goSDK + ".NewServer":                              {Framework: "go-sdk", Name: 0, What: "MCP server"},
	mcpGoSrv + ".NewMCPServer":                        {Framework: "mcp-go", Name: 0, What: "MCP server"},
	"github.com/cloudwego/eino/adk.NewChatModelAgent": {Framework: "eino", Name: 1, What: "agent"},
	"google.golang.org/adk/agent/llmagent.New":        {Framework: "adk", Name: 0, What: "agent"},
	"google.golang.org/adk/v2/agent/llmagent.New":     {Framework: "adk", Name: 0, What: "agent"},
	"github.com/firebase/genkit/go/genkit.DefineFlow": {Framework: "genkit", Name: 1, What: "flow"},
}

// Elicitation asks a person through the client; the guard is on the
// answer's Action.
var Elicitation = map[string]bool{
	"(*" + goSDK + ".ServerSession).Elicit":            true,
	"(*" + mcpGoSrv + ".MCPServer).RequestElicitation": true,
}

// ElicitResults are the types of a person's answer to an elicitation,
// however the handler came by it: from the call that asks, or from the
// responses a client sends back with a retried call (go-sdk's
// InputResponses).
var ElicitResults = map[string]bool{
	goSDK + ".ElicitResult":      true,
	mcpGo + ".ElicitationResult": true,
}

// Interrupts stop a tool until a person resumes or confirms it: Genkit
// and Eino interrupts, ADK confirmation.
var Interrupts = map[string]bool{
	"(*" + genkitAI + ".ToolContext).Interrupt":                     true,
	genkitAI + ".InterruptWith":                                     true,
	"(*" + genkitAI + ".ToolContext).IsResumed":                     true,
	einoTool + ".Interrupt":                                         true,
	einoTool + ".StatefulInterrupt":                                 true,
	einoTool + ".GetResumeContext":                                  true,
	einoTool + ".GetInterruptState":                                 true,
	"(google.golang.org/adk/agent.ToolContext).RequestConfirmation": true,
	"(google.golang.org/adk/agent.ToolContext).ToolConfirmation":    true,
	"(google.golang.org/adk/v2/agent.Context).RequestConfirmation":  true,
	"(google.golang.org/adk/v2/agent.Context).ToolConfirmation":     true,
}

// FrameworkPrefixes are the import paths that mark a package as agent
// code; a package that imports none of them registers no tool.
var FrameworkPrefixes = []string{
	"github.com/modelcontextprotocol/go-sdk", "github.com/mark3labs/mcp-go", "github.com/firebase/genkit/go",
	"github.com/cloudwego/eino", "github.com/tmc/langchaingo", "github.com/openai/openai-go",
	"github.com/anthropics/anthropic-sdk-go", "google.golang.org/adk",
}

// SchemaPackages are the JSON Schema packages whose schemas frameworks
// give the model as a tool's input: their Description fields are read.
var SchemaPackages = []string{
	"github.com/google/jsonschema-go/jsonschema", "github.com/invopop/jsonschema",
}

// ReachesFramework reports whether a package imports an agent framework,
// however indirectly: an in-house package may wrap a framework's types
// (type Server = server.MCPServer). A package that reaches none
// registers no tool and gives the model no description. Each package is
// looked at once.
func ReachesFramework(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		return IsFrameworkPackage(p.Path()) || slices.ContainsFunc(p.Imports(), reaches)
	}
	return slices.ContainsFunc(pkg.Imports(), reaches)
}

// InStandardLibrary reports a package whose files are in GOROOT's src,
// or that has none.
func InStandardLibrary(fset *token.FileSet, files []*ast.File) bool {
	if len(files) == 0 {
		return true
	}
	name := fset.File(files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// OwnPackage reports a package of the module being checked: not of the
// standard library, nor of a dependency (a module with a version; go vet
// gives the path and version alone, the main module's version empty).
func OwnPackage(pass *analysis.Pass) bool {
	if InStandardLibrary(pass.Fset, pass.Files) {
		return false
	}
	m := pass.Module
	return m == nil || m.Path != "std" && (m.Main || m.Version == "")
}

// IsFrameworkPackage reports whether an import path is a framework's
// package, one of FrameworkPrefixes or under one.
func IsFrameworkPackage(path string) bool {
	for _, p := range FrameworkPrefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// CallerIdentity are the types that hold the caller's verified identity:
// a decision on their fields is an authorization.
var CallerIdentity = map[string]bool{
	"github.com/modelcontextprotocol/go-sdk/auth.TokenInfo": true,
}

// Requests are the frameworks' tool request types: what their methods
// and argument fields return is the model's input.
var Requests = map[string]bool{
	mcpGo + ".CallToolRequest": true,
	goSDK + ".CallToolRequest": true,
	goSDK + ".ServerRequest":   true,
}

// TypeName is the full name (pkg/path.Name) of the named type t is or
// points to, as the tables above spell types; "" for any other type.
func TypeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// PackageOf is the package path of a full type name.
func PackageOf(typeName string) string {
	if i := strings.LastIndex(typeName, "."); i > 0 {
		return typeName[:i]
	}
	return ""
}

// LookupInterface finds an interface by full name among the packages pkg
// imports, directly or not; nil when it sees none.
func LookupInterface(pkg *types.Package, full string) *types.Interface {
	path, name := PackageOf(full), full[strings.LastIndex(full, ".")+1:]
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Interface
	find = func(p *types.Package) *types.Interface {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				iface, _ := tn.Type().Underlying().(*types.Interface)
				return iface
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if iface := find(imp); iface != nil {
				return iface
			}
		}
		return nil
	}
	return find(pkg)
}

// ShortName writes a function as pkg.Func or pkg.Type.Method, as the
// analyzers' messages name the calls on a path.
func ShortName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// NotTheAgent reports a file whose code is not the agent's to check:
// generated code is not the project's to fix, and tests are not the
// agent (go vet analyses a package with its tests, atflint check without).
func NotTheAgent(fset *token.FileSet, f *ast.File) bool {
	return ast.IsGenerated(f) || strings.HasSuffix(fset.File(f.Pos()).Name(), "_test.go")
}
