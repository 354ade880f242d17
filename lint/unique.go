package lint

import (
	"slices"
	"sync"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/rules"
)

// keyHashes gathers the values of the run's files that no two files may
// share (agent ids, credentials), as hashes while the files are checked,
// and reads again the few files whose hashes meet to compare their values.
// Keeping every value to the end held 130 MB of a run over 100,000 files;
// a hash and the file's index are 16 bytes.
type keyHashes struct {
	mu     sync.Mutex
	hashes []keyHash
}

// A keyHash is one key of a file: its hash, and the file's index in the
// run.
type keyHash struct {
	hash uint64
	file int32
}

// add adds the hashes a worker gathered.
func (k *keyHashes) add(hs []keyHash) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.hashes = append(k.hashes, hs...)
}

// renumber gives the files of the hashes their places in the run's order,
// from their places in the order the walk found them.
func (k *keyHashes) renumber(place []int) {
	for i := range k.hashes {
		k.hashes[i].file = int32(place[k.hashes[i].file])
	}
}

// check reports the keys shared across files: the files whose hashes meet
// are read again, in the run's order, for the keys themselves, which
// rules.CheckUnique compares; a hash that two values share only costs a
// file read twice.
func (k *keyHashes) check(files []input, opt *Options) []finding.Finding {
	slices.SortFunc(k.hashes, func(a, b keyHash) int {
		if a.hash != b.hash {
			return cmpUint64(a.hash, b.hash)
		}
		return int(a.file - b.file)
	})
	var shared []int32
	for i := 0; i < len(k.hashes); {
		j := i + 1
		for j < len(k.hashes) && k.hashes[j].hash == k.hashes[i].hash {
			j++
		}
		if j-i > 1 {
			for _, h := range k.hashes[i:j] {
				shared = append(shared, h.file)
			}
		}
		i = j
	}
	slices.Sort(shared)
	var keys []rules.Key
	for _, i := range slices.Compact(shared) {
		keys = append(keys, keysOf(files[i], opt)...)
	}
	return rules.CheckUnique(keys)
}

func cmpUint64(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
}

// keysOf reads a file again for its keys. A file that now fails to load
// (changed since, or a bug of atflint's the first read reported) has none.
func keysOf(in input, opt *Options) (keys []rules.Key) {
	defer func() {
		if p := recover(); p != nil {
			keys = nil
		}
	}()
	f, _, read := load(in, opt.Overlay, nil, nil)
	if !read {
		return nil
	}
	return rules.Keys(f)
}
