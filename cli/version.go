package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// version and commit are set at link time by the release build
// (-ldflags "-X github.com/atflint/atflint/cli.version=v1.2.3 -X
// github.com/atflint/atflint/cli.commit=SHA") and by the Action.
var version, commit string

// A build is what atflint knows of how it was built.
type build struct {
	Version string // a tag, a pseudo-version, or devel
	// Commit is the commit of atflint's repository it was built from;
	// "" when the build recorded none (go install of a tag records the
	// tag, which names it).
	Commit   string
	Modified bool // built from a work tree with changes not committed
	Go       string
}

// describeBuild reads the build from what the link set, else from what
// the go command recorded: the module version for go install, the VCS
// stamp for a build in a clone.
func describeBuild() build {
	bi, _ := debug.ReadBuildInfo()
	return buildFrom(bi, version, commit)
}

func buildFrom(bi *debug.BuildInfo, linkedVersion, linkedCommit string) build {
	b := build{Version: linkedVersion, Commit: linkedCommit, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if bi == nil {
		if b.Version == "" {
			b.Version = "devel"
		}
		return b
	}
	if b.Version == "" {
		b.Version = bi.Main.Version
		if b.Version == "" || b.Version == "(devel)" {
			b.Version = "devel"
		}
	}
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && b.Commit == "":
			b.Commit = s.Value
		case s.Key == "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	if b.Commit == "" && module.IsPseudoVersion(b.Version) {
		b.Commit, _ = module.PseudoVersionRev(b.Version)
	}
	return b
}

// String is what atflint version prints.
func (b build) String() string {
	var from string
	switch {
	case b.Commit != "":
		from = "commit " + b.Commit
		if b.Modified {
			from += ", modified"
		}
	case semver.IsValid(b.Version):
		from = "the commit of tag " + b.Version
	default:
		from = "commit unknown"
	}
	return fmt.Sprintf("atflint %s (%s; %s)", b.Version, from, b.Go)
}

// versionAndRef returns atflint's version and the git ref of atflint's
// repository its rule documentation is read at.
func versionAndRef() (string, string) {
	b := describeBuild()
	return b.Version, b.ref()
}

// ref is the git ref (commit or tag) the build's rule documentation is
// read at: the commit it was built from where known, else the version (a
// tag, or the ref the Action was used at). "" for a development build,
// and the documentation of the main branch serves.
func (b build) ref() string {
	switch {
	case b.Commit != "" && !b.Modified:
		return b.Commit
	case b.Version != "devel" && !module.IsPseudoVersion(b.Version):
		return b.Version
	}
	return ""
}
