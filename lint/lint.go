// Package lint is the linter: it finds the files under the paths it is
// given, loads each with its loader, runs every rule on it in parallel,
// then the rules across files, runs the Go analyzers on the Go packages,
// and returns the findings in a stable order.
package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

// skipDirs are directories no agent config of the project lives in.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// Options configure a run.
type Options struct {
	// BaseDir is the directory findings' paths are relative to.
	BaseDir string
	// Workers is how many files are checked at once; 0 means one per CPU.
	Workers int
	// Progress, if set, is called after each file with the count done, the
	// total and what is counted ("files"), and likewise for the Go module
	// roots ("Go module roots"). It may be called from several goroutines
	// at once.
	Progress func(done, total int, what string)
	// Level is the level of agents that declare none; 0 leaves them
	// without, and the rules that need a level skip them.
	Level atf.Level
	// LevelOf, if set, gives the level of agents that declare none in a
	// file, by its path as findings show it; Level serves where it
	// returns 0.
	LevelOf func(path string) atf.Level
	// Go runs the Go analyzers on the packages under the paths that are
	// in a Go module.
	Go bool
	// Inventory makes the run list what it found in Result.Inventory.
	Inventory bool
	// As, if set, is the format of the files named in paths, whatever
	// their names and contents say; the walk's files are told as ever.
	As model.Format
	// AtLevel, if set, checks every agent as if it declared this level,
	// whatever it declares: the level atflint assess judges it at.
	AtLevel atf.Level
	// Models makes the run keep what it read of each file in
	// Result.Models, for what reads the agent model itself (assess).
	Models bool
	// VetTool is the program go vet runs as its tool for the Go
	// analysis: atflint itself, which runs analyzers/vettool's Main when
	// its environment says so.
	VetTool string
	// Overlay is text to read in place of files, by absolute path: an
	// editor's unsaved buffers. The files need not exist on disk.
	Overlay map[string][]byte
	// Found reads the files named in paths as if the walk had found
	// them: an editor's open documents, which were opened, not named to
	// be checked, so that a broken JSON or YAML file of no agent format
	// is none of atflint's business.
	Found bool
}

func (opt *Options) levelOf(path string) atf.Level {
	if opt.LevelOf != nil {
		if l := opt.LevelOf(path); l.Known() {
			return l
		}
	}
	return opt.Level
}

// Result is what a run found.
type Result struct {
	Findings []finding.Finding
	Files    int // files checked
	Packages int // Go packages analyzed
	// Errors are what kept the run from checking something: a directory
	// it could not list, a file a rule crashed on. The run goes on past them.
	Errors []error
	// Internal reports that one of Errors is a bug in atflint itself.
	Internal bool
	// Unrecognized are files named on the command line that hold none of
	// the formats atflint reads; they are left unchecked.
	Unrecognized []string
	// Inventory is what the run found, when Options.Inventory asks.
	Inventory *Inventory
	// Models are the files read, as loaded, in path order, when
	// Options.Models asks.
	Models []*model.File
	// Sources are the files the run read and checked, Go files of the
	// packages analyzed included, in no set order: where suppression
	// comments may be.
	Sources []Source
	// Skipped are the files and directories the walk passed over, with
	// why, for --verbose: what was not read is always said.
	Skipped []Skipped
}

// A Source is a file a run checked: its path as findings name it, where
// it is, and the format it was read as ("go" for Go files, Unreadable for
// one the run could not read, which a finding then says).
type Source struct {
	Path, Abs, Format string
	// Text is the text the run read, where it is kept: for a file with
	// atflint:ignore comments, and for one read from Options.Overlay in
	// place of the file.
	Text []byte
	// NoIgnores says the run read the text and found no atflint:ignore
	// in it: the filters need not read it again.
	NoIgnores bool
}

// Unreadable is the Format of a Source the run could not read.
const Unreadable = "unreadable"

// Read returns the text of the file as the run read it, with the limits
// the run read it under (syntax.ReadFile): a file too large to check, or a
// FIFO, is refused again, not read whole or waited on.
func (s Source) Read() ([]byte, error) {
	if s.Text != nil {
		return s.Text, nil
	}
	return syntax.ReadFile(s.Abs)
}

// Skipped is a file or directory left unread, and why.
type Skipped struct{ Path, Why string }

// Run checks every manifest under paths. It fails only when a path does not
// exist; trouble with a single file is a finding or one of Result.Errors.
func Run(paths []string, opt Options) (*Result, error) {
	if opt.BaseDir == "" {
		opt.BaseDir = "."
	}
	base, err := filepath.Abs(opt.BaseDir)
	if err != nil {
		return nil, fmt.Errorf("base directory: %w", err)
	}
	res := &Result{}
	if opt.Inventory {
		res.Inventory = &Inventory{Version: 1}
	}
	// The walk and the check of the manifests it finds overlap: a
	// manifest that lists no sources needs nothing of the rest of the run,
	// and on a tree of many files the walk was a tenth of the time. The
	// walk builds the inputs in its own order; they are checked and
	// compared in the order of the paths findings show, so the first of
	// two duplicates is the same on every machine.
	c := &batches{opt: opt, keys: &keyHashes{}}
	var walked []input
	jobs := make(chan job, 1024)
	var modules []string
	var walkErr error
	go func() {
		defer close(jobs)
		modules, walkErr = collect(paths, opt.Overlay, res, func(cand candidate) {
			in := input{cand.abs, displayPath(base, cand.abs), cand.explicit && !opt.Found, "", len(walked), cand.regular}
			if in.explicit {
				in.as = opt.As
			}
			walked = append(walked, in)
			c.total.Add(1)
			if atf.IsManifestName(in.display) {
				jobs <- job{in, len(walked) - 1, source{level: opt.levelOf(in.display)}}
			}
		})
	}()
	early := c.check(func() (job, bool) {
		j, ok := <-jobs
		return j, ok
	})
	if walkErr != nil {
		return nil, walkErr
	}
	for i, sk := range res.Skipped {
		if abs, err := filepath.Abs(sk.Path); err == nil {
			res.Skipped[i].Path = displayPath(base, abs)
		}
	}

	files := walked
	slices.SortFunc(files, func(a, b input) int { return strings.Compare(a.display, b.display) })
	place := make([]int, len(files)) // by walk order
	for i, f := range files {
		place[f.walked] = i
	}
	results := make([]fileResult, len(files))
	for _, e := range early.done {
		results[place[e.index]] = e.result
	}
	c.keys.renumber(place)
	inRun := make([]string, len(files))
	for i, f := range files {
		inRun[i] = f.abs
	}
	c.inRun = inRun

	// The manifests that list sources, now that the run's files are
	// known; then the other files, which the manifests give their level.
	var deferred, others []int
	for _, k := range early.deferred {
		deferred = append(deferred, place[k])
	}
	slices.Sort(deferred)
	for i, f := range files {
		if !atf.IsManifestName(f.display) {
			others = append(others, i)
		}
	}
	c.run(files, results, deferred, func(in input) source { return source{level: opt.levelOf(in.display)} })
	sourcedBy := map[string]source{}
	for i, f := range files {
		if more := results[i].more; more != nil && atf.IsManifestName(f.display) {
			for _, src := range more.sources {
				sourcedBy[src.path] = src
			}
		}
	}
	c.run(files, results, others, func(in input) source {
		if s, ok := sourcedBy[in.abs]; ok {
			return s
		}
		return source{level: opt.levelOf(in.display)}
	})
	reported, sources := 0, 0
	for _, r := range results {
		if r.more != nil {
			reported += len(r.more.findings)
		}
		if r.recognized {
			sources++
		}
	}
	res.Sources = make([]Source, 0, sources)
	res.Findings = make([]finding.Finding, 0, reported)
	for i, r := range results {
		more := r.more
		if more == nil {
			more = &nothingMore
		}
		switch {
		case r.recognized:
			res.Files++
			text := more.ignores
			if text == nil {
				text = opt.Overlay[files[i].abs]
			}
			res.Sources = append(res.Sources, Source{files[i].display, files[i].abs, r.format, text, r.format != Unreadable && more.ignores == nil})
		case more.err == nil && files[i].explicit:
			res.Unrecognized = append(res.Unrecognized, files[i].display)
		case more.err == nil:
			res.Skipped = append(res.Skipped, Skipped{files[i].display, "neither an ATF manifest nor an agent config atflint reads"})
		}
		res.Findings = append(res.Findings, more.findings...)
		if res.Inventory != nil && more.file != nil {
			res.Inventory.addFile(more.file)
		}
		if opt.Models && more.file != nil && r.recognized {
			res.Models = append(res.Models, more.file)
		}
		if more.err != nil {
			res.Errors = append(res.Errors, more.err)
			res.Internal = true
		}
	}
	res.Findings = append(res.Findings, c.keys.check(files, &opt)...)
	if opt.Go {
		var manifests []string
		for _, f := range files {
			if atf.IsManifestName(f.display) {
				manifests = append(manifests, f.abs)
			}
		}
		res.Findings = append(res.Findings, checkGo(goRoots(paths, modules), manifests, base, opt, res)...)
	}
	for i := range res.Findings {
		res.Findings[i].Message = clip(res.Findings[i].Message)
	}
	if res.Inventory != nil {
		res.Inventory.sort()
	}
	finding.Sort(res.Findings)
	return res, nil
}

type input struct {
	abs      string // the path made absolute: read, and named by sources, so
	display  string
	explicit bool         // named on the command line
	as       model.Format // the format to read it as, for a file named so
	walked   int          // its place in the order the walk found the files
	regular  bool         // the walk's listing says it is a regular file
}

// fileResult is what checking a file gave. A run keeps one per file to
// its end, and most files give only their format: the rest is behind a
// pointer, set for a file that gave more.
type fileResult struct {
	format     string // which loader read it
	recognized bool   // the file holds a format atflint reads
	more       *fileMore
}

type fileMore struct {
	findings []finding.Finding
	sources  []source
	ignores  []byte // the text of a file with atflint:ignore comments
	err      error
	file     *model.File // kept for the inventory and the models
}

// A source is a file an ATF manifest names as its agent's: it gets the
// manifest's level, and the manifest carries its ATF controls.
type source struct {
	path     string // absolute
	level    atf.Level
	manifest string // as findings show it
}

// batches checks files in parallel.
type batches struct {
	opt   Options
	inRun []string // the absolute paths of the run's files, once the walk is done
	keys  *keyHashes
	done  atomic.Int64
	total atomic.Int64 // the files the walk has found so far
}

// A job is a file to check, its index in the order results are kept in,
// and the manifest, if any, that lists it.
type job struct {
	in    input
	index int
	from  source
}

// checked is what check gathered: the results, and the files whose result
// depends on the run's other files (a manifest's sources), left for after.
type checked struct {
	done     []checkedFile
	deferred []int
}

type checkedFile struct {
	index  int
	result fileResult
}

// run checks the files at the given indexes into results; sourceOf says
// which manifest, if any, lists a file, and the level of agents that
// declare none.
func (c *batches) run(files []input, results []fileResult, indexes []int, sourceOf func(input) source) {
	var next atomic.Int64
	got := c.check(func() (job, bool) {
		n := int(next.Add(1) - 1)
		if n >= len(indexes) {
			return job{}, false
		}
		i := indexes[n]
		return job{files[i], i, sourceOf(files[i])}, true
	})
	for _, d := range got.done {
		results[d.index] = d.result
	}
}

// check checks the files next hands out, on as many workers as the run
// has, until it has no more.
func (c *batches) check(next func() (job, bool)) *checked {
	workers := c.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var mu sync.Mutex
	got := &checked{}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// Unless the run keeps the models, each worker reads a file
			// into the buffer of the last and builds its tree in the
			// memory of the last's.
			var arena *syntax.Arena
			var buf *[]byte
			if !c.opt.keepsModels() {
				arena, buf = new(syntax.Arena), new([]byte)
			}
			var hashes []keyHash
			defer func() { c.keys.add(hashes) }()
			for {
				j, ok := next()
				if !ok {
					return
				}
				r, keys, needsRun := checkFile(j.in, j.from, c.inRun, &c.opt, arena, buf)
				if arena != nil {
					arena.Reset()
				}
				if needsRun {
					mu.Lock()
					got.deferred = append(got.deferred, j.index)
					mu.Unlock()
					continue
				}
				for _, k := range keys {
					hashes = append(hashes, keyHash{k.Hash(), int32(j.index)})
				}
				mu.Lock()
				got.done = append(got.done, checkedFile{j.index, r})
				mu.Unlock()
				if c.opt.Progress != nil {
					c.opt.Progress(int(c.done.Add(1)), int(c.total.Load()), "files")
				}
			}
		})
	}
	wg.Wait()
	return got
}

// checkFile loads and checks one file. A panic is a bug of atflint's, not
// of the file: it is returned as an error and the run goes on.
// With an arena and a buffer, the file is read into the buffer and its
// tree built in the arena, both the worker's to use again for the next.
//
// Without inRun, the run's files are not yet known: a file that lists
// sources is not checked, and needsRun says so.
func checkFile(in input, from source, inRun []string, opt *Options, arena *syntax.Arena, buf *[]byte) (r fileResult, keys []rules.Key, needsRun bool) {
	defer func() {
		if p := recover(); p != nil {
			r, keys, needsRun = fileResult{more: &fileMore{err: fmt.Errorf("internal error while checking %s: %v\n%s", in.display, p, debug.Stack())}}, nil, false
		}
	}()
	var more fileMore
	f, src, read := load(in, opt.Overlay, arena, buf)
	if inRun == nil && slices.ContainsFunc(f.Agents, func(a *model.Agent) bool { return len(a.Sources) > 0 }) {
		return fileResult{}, nil, true
	}
	if f.Format == "" && !in.explicit {
		// A JSON or YAML file found in the walk that is no agent format,
		// broken or not, is none of atflint's business.
		f.Problems = nil
	}
	for _, a := range f.Agents {
		// A governance policy is not an agent: it has no level to meet.
		if !a.Level.Value.Known() && from.level.Known() && f.Format != model.FormatAGT {
			a.Level = model.Field[atf.Level]{Value: from.level, Span: a.Span}
		}
		if at := opt.AtLevel; at.Known() && f.Format != model.FormatAGT {
			a.Level.Value = at
			if !a.Level.Present() {
				a.Level.Span = a.Span
			}
		}
		a.ControlsIn = from.manifest
		if len(a.Sources) > 0 && !atf.IsManifestName(in.display) {
			// Manifests are told by name to be read before the files they
			// list, which must know their level when they are checked.
			f.Problems = append(f.Problems, model.Problem{Kind: model.Invalid, Span: a.Sources[0].Span,
				Message: "sources: only a manifest named *.atf.yaml (or atf.yaml) gives the files it lists its level; rename this file"})
			continue
		}
		for _, s := range a.Sources {
			files, problem := resolveSource(filepath.Dir(in.abs), s.Value, inRun)
			if slices.Contains(files, in.abs) {
				problem = "names this manifest, which gets its level from itself"
			}
			// A manifest named alone is checked without the files around
			// it: that its sources are not in the run is no fault of it.
			if problem != "" && !(in.explicit && len(files) == 0) {
				f.Problems = append(f.Problems, model.Problem{Kind: model.Invalid, Span: s.Span, Message: fmt.Sprintf("sources: %q %s", s.Value, problem)})
			}
			for _, abs := range files {
				more.sources = append(more.sources, source{abs, a.Level.Value, in.display})
			}
		}
	}
	// A file named on the command line that does not parse is reported,
	// whatever its name: it was meant to be checked.
	r.recognized = f.Format != "" || in.explicit && len(f.Problems) > 0
	r.format = string(f.Format)
	if !read {
		r.format = Unreadable
	}
	// The filters read atflint:ignore comments again: the few files that
	// hold one keep their text, and the others are not read twice.
	if bytes.Contains(src, []byte(finding.IgnoreDirective)) {
		more.ignores = bytes.Clone(src) // src may be the worker's buffer
	}
	more.findings = rules.CheckFile(f)
	keepLines(more.findings, src)
	if opt.keepsModels() {
		more.file = f
	}
	if more.findings != nil || more.sources != nil || more.ignores != nil || more.file != nil {
		kept := more // more itself stays on the stack: most files give nothing
		r.more = &kept
	}
	return r, rules.Keys(f), false
}

// nothingMore stands, read only, for what most files give beyond their
// format.
var nothingMore fileMore

// keepsModels reports whether the run keeps what it read of each file:
// otherwise each file's tree is dropped once checked.
func (opt *Options) keepsModels() bool { return opt.Inventory || opt.Models }

// keepLines gives each finding the text of the line it starts on, a copy:
// the fingerprints need it, and reading the files again for it took a
// tenth of a run over many files. A line longer than maxKeptLine is left
// for the fingerprint to read: each finding on a hook command of a
// megabyte would hold its own copy.
func keepLines(fs []finding.Finding, src []byte) {
	lineNo, start := 1, 0
	for i := range fs {
		n := fs[i].Span.Start.Line
		if n < lineNo {
			lineNo, start = 1, 0 // findings come in rule order, not by line
		}
		for ; lineNo < n && start <= len(src); lineNo++ {
			next := bytes.IndexByte(src[start:], '\n')
			if next < 0 {
				start = len(src) + 1
				break
			}
			start += next + 1
		}
		if lineNo != n || start > len(src) {
			continue
		}
		line := src[start:]
		if end := bytes.IndexByte(line, '\n'); end >= 0 {
			line = line[:end]
		}
		if len(line) <= maxKeptLine {
			fs[i].Line = string(line)
		}
	}
}

const maxKeptLine = 4 << 10

// resolveSource finds the files of the run an entry of a manifest's
// sources names: a path or a glob pattern, relative to the manifest's
// folder. Entries are matched against the files the run checks, never
// looked up on disk: a manifest under review must not learn, through the
// findings, which paths exist on the machine that checks it. It says what
// is wrong with an entry that names no file.
func resolveSource(dir, entry string, inRun []string) (files []string, problem string) {
	pattern := filepath.FromSlash(entry)
	if !filepath.IsAbs(pattern) {
		abs, err := filepath.Abs(filepath.Join(dir, pattern))
		if err != nil {
			return nil, "cannot be resolved: " + err.Error()
		}
		pattern = abs
	}
	if _, err := filepath.Match(pattern, ""); err != nil {
		return nil, "is not a valid path or pattern: " + err.Error()
	}
	folder := false
	for _, f := range inRun {
		if matchPath(pattern, f) {
			files = append(files, f)
		} else if strings.HasPrefix(f, pattern+string(filepath.Separator)) {
			folder = true
		}
	}
	switch {
	case len(files) > 0:
		return files, ""
	case folder:
		return nil, "names a folder; list the files, or a pattern such as dir/*.json"
	}
	return nil, "names no file this run checks (paths are relative to the manifest's folder)"
}

// matchPath reports whether a path matches a glob pattern, where, beyond
// filepath.Match, a "**" element matches any number of folders.
func matchPath(pattern, name string) bool {
	sep := string(filepath.Separator)
	return matchElems(strings.Split(pattern, sep), strings.Split(name, sep))
}

// matchElems matches path elements by dynamic programming, so that a
// pattern of many "**" costs the product of the two lengths, never more:
// a manifest under review must not stall the run.
func matchElems(pattern, name []string) bool {
	// ok[j] says whether the pattern so far matches name[:j].
	ok := make([]bool, len(name)+1)
	ok[0] = true
	for _, p := range pattern {
		next := make([]bool, len(name)+1)
		for j := range next {
			switch {
			case p == "**":
				next[j] = ok[j] || j > 0 && next[j-1]
			case j > 0 && ok[j-1]:
				next[j], _ = filepath.Match(p, name[j-1])
			}
		}
		ok = next
	}
	return ok[len(name)]
}

// maxMessage bounds a message: one quoting a megabyte key is still one line.
const maxMessage = 1000

func clip(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "…"
}

// load reads and parses one file, or its text in the overlay; what goes
// wrong becomes a problem of the returned file. read is false when the
// file could not be read at all.
func load(in input, overlay map[string][]byte, arena *syntax.Arena, buf *[]byte) (f *model.File, src []byte, read bool) {
	src, inOverlay := overlay[in.abs]
	var err error
	if inOverlay {
		err = syntax.CheckSize(int64(len(src)))
	} else {
		var into []byte
		if buf != nil {
			into = *buf
		}
		src, err = syntax.ReadFileTo(in.abs, into, in.regular)
		if buf != nil && cap(src) <= maxBuffer {
			*buf = src
		}
	}
	if err != nil {
		// Whatever its format, a file that cannot be read is reported as
		// invalid-manifest reports any file it cannot read.
		return &model.File{Path: in.display, Format: model.FormatATF, Problems: []model.Problem{{
			Kind: model.Invalid, Span: syntax.At(syntax.Pos{Line: 1, Col: 1}), Message: err.Error(),
		}}}, nil, false
	}
	return loader.Load(in.display, src, loader.Options{Named: in.explicit, As: in.as, Arena: arena}), src, true
}

// maxBuffer bounds the read buffer a worker keeps from one file to the
// next: one file of megabytes does not hold them for the rest of the run.
const maxBuffer = 1 << 20

// unwrapPath drops the path from an *fs.PathError: findings name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// A candidate is a file to check.
type candidate struct {
	abs      string
	explicit bool
	regular  bool // the directory listing says it is a regular file
}

// collect walks the paths for the files to check, and for the roots of
// Go modules nested under them. A path named twice, in any spelling, is
// walked once, and a symbolic link given as a path is followed. A link
// found in the walk is followed only if it leads to a file inside the
// tree walked: in a pull request, a link named like a config could point
// at the runner's secrets, and what atflint reads its messages may quote.
// It calls found with each file as the walk finds it.
func collect(paths []string, overlay map[string][]byte, res *Result, found func(candidate)) (modules []string, err error) {
	seen := map[string]bool{}
	// filepath.Abs asks the system for the working directory each time:
	// once per run is enough.
	cwd, cwdErr := os.Getwd()
	add := func(p string, explicit, regular bool) {
		abs := p
		switch {
		case filepath.IsAbs(p):
			abs = filepath.Clean(p)
		case cwdErr == nil:
			abs = filepath.Join(cwd, p)
		}
		if !seen[abs] {
			seen[abs] = true
			found(candidate{abs, explicit, regular})
		}
	}
	for _, root := range paths {
		root = filepath.Clean(root)
		info, err := os.Stat(root)
		if abs, _ := filepath.Abs(root); err != nil && overlay[abs] != nil {
			add(root, true, false) // an editor's buffer not yet saved
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, unwrapPath(err))
		}
		if !info.IsDir() {
			add(root, true, false)
			continue
		}
		// WalkDir does not follow a root that is a link; with a trailing
		// separator the system resolves it first.
		walkRoot := root
		if link, err := os.Lstat(root); err == nil && link.Mode()&fs.ModeSymlink != 0 {
			walkRoot += string(filepath.Separator)
		}
		tree, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, unwrapPath(err))
		}
		err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				res.Errors = append(res.Errors, fmt.Errorf("cannot list %s: %w; files under it were not checked", p, unwrapPath(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != walkRoot && skipDirs[d.Name()] {
					res.Skipped = append(res.Skipped, Skipped{p, "a directory of " + d.Name() + ", never walked"})
					return fs.SkipDir
				}
				return nil
			}
			if d.Name() == "go.mod" && goPackageDir(root, filepath.Dir(p)) {
				modules = append(modules, filepath.Dir(p))
			}
			if !loader.Candidate(p) {
				return nil
			}
			// A link that does not resolve is read, and reported, as it is.
			if d.Type()&fs.ModeSymlink != 0 {
				if target, err := filepath.EvalSymlinks(p); err == nil && !within(tree, target) {
					res.Skipped = append(res.Skipped, Skipped{p, "a link to a file outside the tree walked"})
					return nil
				}
			}
			add(p, false, d.Type().IsRegular())
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return modules, nil
}

// within reports whether path is dir or under it; both are resolved.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// goPackageDir reports whether the go command would look into dir under
// root: it passes over testdata and the folders whose name starts with
// "." or "_".
func goPackageDir(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return false
	}
	for _, elem := range strings.Split(filepath.ToSlash(rel), "/") {
		if elem == "testdata" || elem != "." && (strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_")) {
			return false
		}
	}
	return true
}

// displayPath writes a path relative to base, with / separators.
func displayPath(base, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	// Most paths lie under base: theirs is the rest of the string, kept
	// for the whole run, so not copied (100,000 files: 5 MB).
	if rest, ok := strings.CutPrefix(abs, base); ok && len(rest) > 1 && rest[0] == filepath.Separator {
		return filepath.ToSlash(rest[1:])
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return strings.TrimPrefix(filepath.ToSlash(rel), "./")
}
