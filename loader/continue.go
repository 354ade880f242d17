package loader

import (
	"path"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// continueName reports Continue's config files (docs.continue.dev/reference,
// /customize/deep-dives/mcp): .continue/config.yaml and the full configs
// of .continue/agents (assistants, configs, their older names), and the
// blocks of .continue/mcpServers, YAML or JSON.
func continueName(p string) bool {
	dir := path.Dir(p)
	switch ext := path.Ext(p); {
	case path.Base(dir) == ".continue":
		return path.Base(p) == "config.yaml" || path.Base(p) == "config.yml"
	case path.Base(path.Dir(dir)) != ".continue":
		return false
	case ext == ".yaml" || ext == ".yml":
		switch path.Base(dir) {
		case "agents", "assistants", "configs", "mcpServers":
			return true
		}
	case ext == ".json":
		return path.Base(dir) == "mcpServers"
	}
	return false
}

// loadContinue reads a Continue config: its mcpServers are a list, each
// entry a server with a name; a JSON block in .continue/mcpServers may
// instead be one server, named after its file.
func loadContinue(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatContinue, root)
	a.Installs = hubBlocks(root)
	if e, ok := root.Lookup("mcpServers"); ok {
		switch v := e.Value; v.Kind {
		case syntax.Sequence:
			for _, it := range v.Items {
				if it.Kind != syntax.Mapping || str(it, "uses").Present() {
					continue // a block from the hub or a file, read as an install
				}
				name := str(it, "name")
				if !name.Present() {
					name.Span = syntax.At(it.Span.Start)
				}
				a.Servers = append(a.Servers, continueServer(syntax.Entry{Key: &syntax.Node{Kind: syntax.Scalar, Value: name.Value, Span: name.Span}, Value: it}))
			}
		case syntax.Mapping:
			a.Servers = decodeServers(root)
		}
		return
	}
	if _, ok := root.Lookup("command"); ok || str(root, "url").Present() {
		name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		a.Servers = []*model.Server{continueServer(syntax.Entry{Key: &syntax.Node{Kind: syntax.Scalar, Value: name, Span: syntax.At(root.Span.Start)}, Value: root})}
	}
}

// hubBlocks reads the blocks a config takes from Continue's hub, in any
// of its lists: an item "uses: owner/slug", fixed only with @version
// (packages/config-yaml slugs: no version is the latest). A path
// ("./blocks/x.yaml") is a file of the repository, read on its own.
func hubBlocks(root *syntax.Node) []*model.Install {
	var blocks []*model.Install
	for _, e := range root.Entries {
		if e.Value.Kind != syntax.Sequence {
			continue
		}
		for _, it := range e.Value.Items {
			uses := str(it, "uses")
			if !uses.Present() || strings.HasPrefix(uses.Value, ".") || strings.HasPrefix(uses.Value, "/") || strings.HasPrefix(uses.Value, "file:") {
				continue
			}
			in := &model.Install{What: "hub block", Name: uses, Source: uses, Remote: true}
			in.Source.Value = "hub:" + uses.Value
			if _, version, ok := strings.Cut(uses.Value, "@"); ok && version != "" && version != "latest" {
				in.Pin = uses
			}
			blocks = append(blocks, in)
		}
	}
	return blocks
}

// continueServer reads one server; a remote one's headers are under
// requestOptions.
func continueServer(e syntax.Entry) *model.Server {
	s := decodeServer(e)
	if ro, _ := section(e.Value, "requestOptions"); ro != nil && len(s.Headers) == 0 {
		s.Headers = settings(ro, "headers")
	}
	return s
}
