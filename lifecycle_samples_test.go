package juspay_test

import (
	"os"
	"path/filepath"
	"strings"
)

// lcSamples are the response bodies Juspay publishes beside its API
// reference, byte for byte (testdata/samples, kept identical to the spec's
// by samples_test.go), keyed by file name without ".json".
var lcSamples = func() map[string]string {
	files, err := filepath.Glob(filepath.Join("testdata", "samples", "*.json"))
	if err != nil || len(files) == 0 {
		panic("testdata/samples: no published samples to test with")
	}
	samples := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		samples[strings.TrimSuffix(filepath.Base(f), ".json")] = string(b)
	}
	return samples
}()
