package juspay_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var updateAPI = flag.Bool("update", false, "rewrite testdata/api.txt from the code")

// TestAPIGolden keeps the exported API in the repository as text, so that a
// change to the surface merchants code against shows up in review, and CI
// checks it without anything outside the repository. After a deliberate
// change: go test -run TestAPIGolden -update .
func TestAPIGolden(t *testing.T) {
	got := exportedAPI(t, ".")
	golden := filepath.Join("testdata", "api.txt")
	if *updateAPI {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if string(want) != got {
		t.Errorf("the exported API changed; if that is intended, run go test -run TestAPIGolden -update . and review the diff:\n%s",
			lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only one of want and got has: "-" for want's,
// "+" for got's.
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g, w0 := count(want), count(got), count(want)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if l != "" && w[l] > g[l] {
			b.WriteString("- " + l + "\n")
			w[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if l != "" && g[l] > w0[l] {
			b.WriteString("+ " + l + "\n")
			g[l]--
		}
	}
	return b.String()
}

// exportedAPI renders every exported declaration of the package in dir,
// as go doc -all lists them, without comments or bodies.
func exportedAPI(t *testing.T, dir string) string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		// Without SkipObjectResolution: go/doc in Go 1.23 builds its
		// package from the files' scopes and panics on a file without one.
		f, err := parser.ParseFile(fset, p, nil, 0)
		require.NoError(t, err)
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/gojuspay/juspay")
	require.NoError(t, err)

	var b bytes.Buffer
	b.WriteString("package " + pkg.Name + "\n")
	write := func(node ast.Node) {
		if fn, ok := node.(*ast.FuncDecl); ok {
			fn.Body, fn.Doc = nil, nil
		}
		b.WriteString("\n")
		require.NoError(t, (&printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}).Fprint(&b, fset, node))
		b.WriteString("\n")
	}
	decls := func(values []*doc.Value, funcs ...[]*doc.Func) {
		for _, v := range values {
			write(v.Decl)
		}
		for _, fs := range funcs {
			for _, f := range fs {
				write(f.Decl)
			}
		}
	}
	decls(append(pkg.Consts, pkg.Vars...), pkg.Funcs)
	for _, typ := range pkg.Types {
		write(typ.Decl)
		decls(append(typ.Consts, typ.Vars...), typ.Funcs, typ.Methods)
	}
	return b.String()
}
