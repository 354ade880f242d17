package agent

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// maxImplementations bounds the implementations a call through an
// interface stands for. An interface with more is a plug-in point (a tool
// set, a handler type), where blaming every implementation on each caller
// would say nothing true; its calls are left unresolved, as before.
const maxImplementations = 16

// implementations resolves calls through the module's own interfaces over
// the types that implement them, a class-hierarchy analysis confined to
// what a pass can see: the package and the module's packages it imports.
// An implementation in a package that imports this one is out of sight.
type implementations struct {
	pass   *analysis.Pass
	module string
	types  []*types.Named // the module's concrete types, found on first need
	byCall map[*types.Func][]*types.Func
}

func newImplementations(pass *analysis.Pass) *implementations {
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	if module == "" {
		// Packages outside modules (GOPATH trees, analysistest): those
		// under the same first path element.
		module, _, _ = strings.Cut(pass.Pkg.Path(), "/")
	}
	return &implementations{pass: pass, module: module, byCall: map[*types.Func][]*types.Func{}}
}

// inModule reports a package of the module.
func (im *implementations) inModule(pkg *types.Package) bool {
	return pkg != nil && (pkg.Path() == im.module || strings.HasPrefix(pkg.Path(), im.module+"/"))
}

// of returns the methods a call of the abstract method fn may run: the
// method of that name on each of the module's concrete types that
// implement fn's interface. nil when fn is not a method of one of the
// module's interfaces, or when it has too many implementations.
func (im *implementations) of(fn *types.Func) []*types.Func {
	if fn == nil {
		return nil
	}
	if impls, done := im.byCall[fn]; done {
		return impls
	}
	var impls []*types.Func
	if iface := interfaceOf(fn); iface != nil && im.inModule(fn.Pkg()) {
		for _, t := range im.concrete() {
			var recv types.Type = t
			if !types.Implements(recv, iface) {
				recv = types.NewPointer(t)
				if !types.Implements(recv, iface) {
					continue
				}
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, false, fn.Pkg(), fn.Name())
			if m, ok := obj.(*types.Func); ok {
				impls = append(impls, m)
			}
		}
		if len(impls) > maxImplementations {
			impls = nil
		}
	}
	im.byCall[fn] = impls
	return impls
}

// interfaceOf returns the interface fn is an abstract method of.
func interfaceOf(fn *types.Func) *types.Interface {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	if _, param := sig.Recv().Type().(*types.TypeParam); param {
		return nil
	}
	iface, _ := sig.Recv().Type().Underlying().(*types.Interface)
	return iface
}

// concrete lists the module's named types that are not interfaces and
// not generic, in this package and the module's packages it imports,
// directly or not, in a fixed order.
func (im *implementations) concrete() []*types.Named {
	if im.types != nil {
		return im.types
	}
	im.types = []*types.Named{}
	seen := map[*types.Package]bool{}
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if seen[pkg] || !im.inModule(pkg) {
			return
		}
		seen[pkg] = true
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			im.types = append(im.types, named)
		}
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
	}
	visit(im.pass.Pkg)
	sort.SliceStable(im.types, func(i, j int) bool {
		return im.types[i].Obj().Pkg().Path() < im.types[j].Obj().Pkg().Path()
	})
	return im.types
}
