package sdkgenkit

import (
	"fmt"
	"os"
	"path/filepath"
)

// BuiltSchema is the package schema `npm run build` wrote in the repository at repo (what the committed sdks/ must
// be generated from), or an error that says to build first.
func BuiltSchema(repo string) (string, error) {
	schemaPath := filepath.Join(repo, "dist", "provider", "native", "package-schema.json")
	if _, err := os.Stat(schemaPath); err != nil {
		return "", fmt.Errorf("%s is missing: run npm run build first (%v)", schemaPath, err)
	}
	return schemaPath, nil
}
