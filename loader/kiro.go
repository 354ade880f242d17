package loader

import (
	"path"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// kiroHookName reports a Kiro agent hook: .kiro/hooks/*.kiro.hook, JSON.
func kiroHookName(p string) bool {
	return strings.HasSuffix(path.Base(p), ".kiro.hook") && path.Base(path.Dir(p)) == "hooks" && path.Base(path.Dir(path.Dir(p))) == ".kiro"
}

// loadKiroHook reads one Kiro hook (kiro.dev/docs/hooks): when says the
// event (fileEdited, promptSubmit, preToolUse, ...), then what it does:
// runCommand runs then.command in a shell; askAgent sends then.prompt to
// the model, a text read as every string of the file is.
func loadKiroHook(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatKiroHook, root)
	when, _ := section(root, "when")
	then, _ := section(root, "then")
	if then == nil {
		return
	}
	event := ""
	if when != nil {
		event = str(when, "type").Value
	}
	if t := str(then, "type"); t.Value == "runCommand" {
		a.Hooks = []*model.Hook{{Span: then.Span, Event: event, Type: model.Field[string]{Value: "command", Span: t.Span}, Command: str(then, "command")}}
	}
}
