package sdkgenkit

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Differences lists how dir differs from a generated SDK's files (paths relative to dir): missing, extra and changed
// files, sorted. The generators' tests fail on any, so that a schema change without `npm run sdks` names what moved.
func Differences(files map[string][]byte, dir string) []string {
	var diffs []string
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		seen[name] = true
		want, ok := files[name]
		if !ok {
			diffs = append(diffs, name+" is not generated")
			return nil
		}
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			diffs = append(diffs, name+" differs")
		}
		return nil
	})
	if err != nil {
		return []string{err.Error()}
	}
	for name := range files {
		if !seen[name] {
			diffs = append(diffs, name+" is missing")
		}
	}
	sort.Strings(diffs)
	return diffs
}
