package juspay_test

import (
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```\n")

// TestREADMESamples keeps the README honest: its first sample is the
// quickstart example, which CI compiles, and every other Go sample parses.
func TestREADMESamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)

	quickstart, err := os.ReadFile("examples/quickstart/main.go")
	require.NoError(t, err)
	program := string(quickstart)[strings.Index(string(quickstart), "package main"):]
	assert.Equal(t, program, blocks[0][1], "the README's first sample must be examples/quickstart/main.go")

	for i, b := range blocks {
		src := b[1]
		if !strings.HasPrefix(src, "package ") {
			src = "package sample\n\nfunc _() {\n" + src + "\n}\n"
		}
		_, err := parser.ParseFile(token.NewFileSet(), "README.md", src, parser.AllErrors)
		assert.NoError(t, err, "README Go sample %d does not parse:\n%s", i+1, b[1])
	}
}

// TestREADMETestingSection keeps "Testing your integration" identical to
// the merchant test file that CI runs.
func TestREADMETestingSection(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	test, err := os.ReadFile("examples/merchant-tests/balance_test.go")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```go\n"+string(test)+"```\n")
}
