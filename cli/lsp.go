package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/atfmanifest"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lsp"
)

// languageServer serves an editor over stdin and stdout: the findings of
// the documents open in it, as check reports them with the same flags,
// the unsaved text in place of the files.
func languageServer(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := newFlagSet("lsp")
	rf := addRunFlags(fl, "never")
	fl.Bool("stdio", true, "") // what editors pass; stdio is the only transport
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if len(paths) > 0 {
		return usageError(stderr, errors.New("lsp takes no paths: it checks what the editor opens"))
	}
	// The Go analysis is gopls' and golangci-lint's to show in an editor:
	// it builds packages, too slow to run at each keystroke.
	*rf.noGo = true
	// The manifests of the workspace give the documents their levels and
	// controls, as they do in a run over the whole tree. They are looked
	// for when the server says files on disk may have changed, not at
	// each keystroke: in a large tree the walk costs more than the check.
	var manifests []string
	check := func(root string, docs map[string][]byte, rescan bool) (map[string][]finding.Finding, error) {
		if rescan {
			manifests = atfmanifest.Below(root)
		}
		paths := slices.Sorted(maps.Keys(docs))
		for _, m := range manifests {
			if docs[m] == nil {
				paths = append(paths, m)
			}
		}
		run := *rf
		run.dir, run.overlay = root, docs
		var msgs bytes.Buffer
		o, _ := run.lint(paths, false, nil, &msgs)
		if o == nil {
			return nil, errors.New(strings.TrimSpace(msgs.String()))
		}
		byFile := map[string][]finding.Finding{}
		for _, f := range o.shown {
			abs := filepath.Join(root, filepath.FromSlash(f.File))
			byFile[abs] = append(byFile[abs], f)
		}
		return byFile, nil
	}
	v, ref := versionAndRef()
	if err := lsp.Serve(context.Background(), stdin, stdout, lsp.Options{Check: check, Version: v, DocRef: ref}); err != nil {
		fmt.Fprintf(stderr, "atflint lsp: %v\n", err)
		return ExitFindings // the protocol's exit code for an exit without shutdown
	}
	return ExitClean
}
