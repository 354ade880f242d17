// Command floor is what atflint's speed on manifests is measured against:
// it walks a directory for manifests as atflint does and, on as many
// workers as atflint, reads each file and, by -parse, does nothing more
// (the physical floor: no program that reads the files can be faster on
// this machine) or parses it with one of the YAML parsers for Go, to show
// the floor of a program that parses without checking.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	goccy "github.com/goccy/go-yaml/parser"
	yamlv3 "go.yaml.in/yaml/v3"
)

// parsers are the YAML parsers -parse names, each returning how many
// documents it read.
var parsers = map[string]func([]byte) (int, error){
	"none": func([]byte) (int, error) { return 1, nil },
	"goccy": func(src []byte) (int, error) {
		f, err := goccy.ParseBytes(src, 0)
		if err != nil {
			return 0, err
		}
		return len(f.Docs), nil
	},
	"yaml.v3": func(src []byte) (int, error) {
		var n yamlv3.Node
		return 1, yamlv3.Unmarshal(src, &n)
	},
}

func main() {
	parse := flag.String("parse", "none", "none (read only), goccy (goccy/go-yaml's parser) or yaml.v3 (yaml.v3's Node decoder)")
	flag.Parse()
	p, ok := parsers[*parse]
	if flag.NArg() != 1 || !ok {
		fmt.Fprintln(os.Stderr, "usage: floor [-parse none|goccy|yaml.v3] DIR")
		os.Exit(2)
	}
	var files []string
	filepath.WalkDir(flag.Arg(0), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".atf.yaml") {
			files = append(files, p)
		}
		return nil
	})
	var next, docs, bytes atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err != nil {
					panic(err)
				}
				n, err := p(src)
				if err != nil {
					panic(fmt.Sprintf("%s: %v", files[i], err))
				}
				docs.Add(int64(n))
				bytes.Add(int64(len(src)))
			}
		})
	}
	wg.Wait()
	fmt.Printf("%d files, %d bytes, %d documents\n", len(files), bytes.Load(), docs.Load())
}
