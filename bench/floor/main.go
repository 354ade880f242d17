// Command floor is the floor atflint's speed is measured against: it only
// reads every manifest under a directory and parses it with the YAML parser
// atflint uses, on as many workers as atflint, and checks nothing.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goccy/go-yaml/parser"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR")
		os.Exit(2)
	}
	var files []string
	filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".atf.yaml") {
			files = append(files, p)
		}
		return nil
	})
	var next, nodes atomic.Int64
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
				f, err := parser.ParseBytes(src, 0)
				if err != nil {
					panic(err)
				}
				nodes.Add(int64(len(f.Docs)))
			}
		})
	}
	wg.Wait()
	fmt.Printf("%d files, %d documents\n", len(files), nodes.Load())
}
