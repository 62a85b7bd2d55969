// Command codegen writes the Python and Go SDKs of the `sailpoint` Pulumi package from its schema
// (native/schema.json), with Pulumi's own code generators: the ones `pulumi package gen-sdk` runs inside the language
// hosts, which the Go module proxy does not serve.
//
//	go -C sdks/codegen run . -schema ../../native/schema.json -out ..
//
// writes <out>/python (the `pulumi_sailpoint` distribution) and <out>/go/sailpoint (the Go module), replacing what
// was there. The schema's language.python and language.go settings (package name, Go import path) come first; the
// settings below only fill in what it leaves unset. The Go package's import path is also its module's path.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const (
	tool = "pulumi-sailpoint-codegen"
	// The Pulumi Go SDK the generated module requires: the version its generator comes from (`go mod tidy` adds the rest).
	goPulumiSDK = "v3.276.0"
)

// sdkReadme is the README of both generated packages (PyPI shows it; the Go module carries it).
const sdkReadme = `# SailPoint Identity Security Cloud for Pulumi

Managed clusters, managed clients, cluster log configuration and OAuth clients of SailPoint Identity Security Cloud
(ISC), as a native Pulumi package (` + "`sailpoint`" + `). This SDK is generated from the package schema by
sdks/codegen; it needs the resource plugin ` + "`pulumi-resource-sailpoint`" + ` (see the repository's README,
"The native package (every language)").
`

func main() {
	schemaPath := flag.String("schema", "", "the package schema (native/schema.json)")
	out := flag.String("out", "", "the directory to write python/ and go/sailpoint/ into (sdks)")
	skipTidy := flag.Bool("skip-go-tidy", false, "leave the Go module's requirements as generated (no `go mod tidy`)")
	flag.Parse()
	if *schemaPath == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: codegen -schema <schema.json> -out <dir>")
		os.Exit(2)
	}
	if err := run(*schemaPath, *out, !*skipTidy); err != nil {
		fmt.Fprintln(os.Stderr, "codegen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string, tidy bool) error {
	spec, err := readSpec(schemaPath)
	if err != nil {
		return err
	}
	pyFiles, err := generatePython(spec)
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	goFiles, err := generateGo(spec)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	if err := writeTree(filepath.Join(out, "python"), pyFiles); err != nil {
		return err
	}
	goDir := filepath.Join(out, "go", "sailpoint")
	if err := writeTree(goDir, goFiles); err != nil {
		return err
	}
	if tidy {
		// The module's full requirement list and go.sum: what `go vet` and a replace directive need.
		cmd := exec.Command("go", "mod", "tidy")
		cmd.Dir = goDir
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go mod tidy in %s: %w", goDir, err)
		}
	}
	return nil
}

func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	text, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(text, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

// bind checks the schema and binds it for one language, with `extra` settings added under language.<language> where
// the schema does not set them (the schema's own settings, which the plugin serves, win). Each generator mutates its
// package, so every language gets its own.
func bind(spec schema.PackageSpec, language string, extra map[string]any, importer schema.Language) (*schema.Package, error) {
	settings := map[string]any{}
	if raw, ok := spec.Language[language]; ok {
		if err := json.Unmarshal(raw, &settings); err != nil {
			return nil, fmt.Errorf("language.%s: %w", language, err)
		}
	}
	for key, value := range extra {
		if _, set := settings[key]; !set {
			settings[key] = value
		}
	}
	raw, err := json.Marshal(settings)
	if err != nil {
		return nil, err
	}
	languages := map[string]schema.RawMessage{}
	for name, value := range spec.Language {
		languages[name] = value
	}
	languages[language] = raw
	spec.Language = languages
	pkg, diags, err := schema.BindSpec(spec, noDependencies{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, errors.New(diags.Error())
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{language: importer}); err != nil {
		return nil, err
	}
	return pkg, nil
}

func generatePython(spec schema.PackageSpec) (map[string][]byte, error) {
	pkg, err := bind(spec, "python", map[string]any{
		"packageName":          "pulumi_sailpoint",
		"readme":               sdkReadme,
		"respectSchemaVersion": true,
		"pyproject":            map[string]any{"enabled": true},
	}, python.Importer)
	if err != nil {
		return nil, err
	}
	files, err := python.GeneratePackage(tool, pkg, nil, noDependencies{})
	if err != nil {
		return nil, err
	}
	// pyproject.toml names README.md beside it; `pulumi package gen-sdk` writes it there too.
	files["README.md"] = []byte(sdkReadme)
	return files, nil
}

func generateGo(spec schema.PackageSpec) (map[string][]byte, error) {
	pkg, err := bind(spec, "go", map[string]any{
		"generateResourceContainerTypes": true,
		"respectSchemaVersion":           true,
	}, gogen.Importer)
	if err != nil {
		return nil, err
	}
	info, _ := pkg.Language["go"].(gogen.GoPackageInfo)
	if info.ImportBasePath == "" {
		return nil, errors.New("the schema sets no language.go.importBasePath (the Go module path)")
	}
	generated, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return nil, err
	}
	// The root package is generated under sailpoint/; it becomes a module of its own, so its files move up.
	files := map[string][]byte{}
	for name, text := range generated {
		rel, ok := strings.CutPrefix(filepath.ToSlash(name), "sailpoint/")
		if !ok {
			continue // .gitattributes and pulumi-plugin.json at the SDK root: the module has its own below
		}
		files[rel] = text
	}
	if plugin, ok := generated["sailpoint/pulumi-plugin.json"]; ok {
		files["pulumi-plugin.json"] = plugin
	}
	files["README.md"] = []byte(sdkReadme)
	files["go.mod"] = []byte(fmt.Sprintf("module %s\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n", info.ImportBasePath, goPulumiSDK))
	return files, nil
}

// writeTree replaces dir with exactly files (paths relative to dir).
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noDependencies is the schema loader of a package that references no other package: any lookup is an error.
type noDependencies struct{}

func (noDependencies) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q; sailpoint has no package dependencies", name)
}

func (l noDependencies) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l noDependencies) LoadPackageReference(name string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l noDependencies) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}
