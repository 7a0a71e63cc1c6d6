using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies.Npm;

public sealed class PackageLockReaderTests : IDisposable
{
    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private const string Version3 = """
        {
          "name": "app",
          "version": "1.0.0",
          "lockfileVersion": 3,
          "requires": true,
          "packages": {
            "": {
              "name": "app",
              "version": "1.0.0",
              "workspaces": ["packages/*"],
              "dependencies": { "express": "^4.18.0", "my-lodash": "npm:lodash@^4.17.21" },
              "devDependencies": { "jest": "^29.0.0" },
              "optionalDependencies": { "fsevents": "^2.3.0" }
            },
            "node_modules/express": {
              "version": "4.18.2",
              "resolved": "https://registry.npmjs.org/express/-/express-4.18.2.tgz",
              "integrity": "sha512-express==",
              "dependencies": { "debug": "2.6.9" }
            },
            "node_modules/express/node_modules/debug": {
              "version": "2.6.9",
              "resolved": "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz",
              "integrity": "sha512-debug2=="
            },
            "node_modules/debug": {
              "version": "4.3.4",
              "resolved": "https://registry.npmjs.org/debug/-/debug-4.3.4.tgz",
              "integrity": "sha512-debug4==",
              "dev": true
            },
            "node_modules/my-lodash": {
              "name": "lodash",
              "version": "4.17.21",
              "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
              "integrity": "sha512-lodash=="
            },
            "node_modules/jest": {
              "version": "29.7.0",
              "resolved": "https://registry.npmjs.org/jest/-/jest-29.7.0.tgz",
              "integrity": "sha512-jest==",
              "dev": true
            },
            "node_modules/fsevents": {
              "version": "2.3.3",
              "resolved": "https://registry.npmjs.org/fsevents/-/fsevents-2.3.3.tgz",
              "integrity": "sha512-fsevents==",
              "hasInstallScript": true,
              "optional": true
            },
            "node_modules/esbuild-helper": {
              "version": "1.0.0",
              "resolved": "https://example.com/downloads/esbuild-helper.tgz",
              "integrity": "sha512-helper==",
              "devOptional": true
            },
            "node_modules/gitdep": {
              "version": "1.0.0",
              "resolved": "git+ssh://git@github.com/acme/gitdep.git#0123456789abcdef0123456789abcdef01234567"
            },
            "node_modules/bundled-child": {
              "version": "1.0.0",
              "inBundle": true
            },
            "node_modules/@acme/util": {
              "resolved": "packages/util",
              "link": true
            },
            "packages/util": {
              "name": "@acme/util",
              "version": "0.1.0",
              "dependencies": { "left-pad": "1.3.0" }
            },
            "packages/util/node_modules/left-pad": {
              "version": "1.3.0",
              "resolved": "https://npm.acme.example/repository/npm/left-pad/-/left-pad-1.3.0.tgz",
              "integrity": "sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4="
            }
          }
        }
        """;

    [Fact]
    public void Version_3_reads_every_installed_folder_with_its_flags()
    {
        var lockfile = _fixture.Read("package-lock.json", Version3);

        lockfile.Format.ShouldBe(LockfileFormats.PackageLock);
        lockfile.FormatVersion.ShouldBe("3");
        lockfile.Ecosystem.ShouldBe("npm");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Count.ShouldBe(11);

        var express = lockfile.Single("express");
        express.Version.ShouldBe("4.18.2");
        express.Resolved.ShouldBe("https://registry.npmjs.org/express/-/express-4.18.2.tgz");
        express.Integrity.ShouldBe("sha512-express==");
        express.Direct.ShouldBeTrue();
        express.Dev.ShouldBeFalse();
        express.HasInstallScript.ShouldBe(false);
        express.Kind.ShouldBe(DependencyKind.Registry);
        express.Location.ShouldBe(new DependencyLocation("package-lock.json", 15));

        var debugs = lockfile.Dependencies.Where(d => d.Name == "debug").ToList();
        debugs.Select(d => d.Version).ShouldBe(["2.6.9", "4.3.4"]);
        debugs.ShouldAllBe(d => !d.Direct);
        debugs[1].Dev.ShouldBeTrue();

        lockfile.Single("jest").Dev.ShouldBeTrue();
        lockfile.Single("jest").Direct.ShouldBeTrue();
        var fsevents = lockfile.Single("fsevents");
        fsevents.Optional.ShouldBeTrue();
        fsevents.HasInstallScript.ShouldBe(true);
        lockfile.Single("esbuild-helper").Optional.ShouldBeTrue();
        lockfile.Single("esbuild-helper").Kind.ShouldBe(DependencyKind.Url);
    }

    [Fact]
    public void Version_3_aliases_links_git_and_bundled_packages()
    {
        var lockfile = _fixture.Read("package-lock.json", Version3);

        var alias = lockfile.Single("lodash", alias: "my-lodash");
        alias.Version.ShouldBe("4.17.21");
        alias.Direct.ShouldBeTrue();
        lockfile.Dependencies.ShouldNotContain(d => d.Name == "my-lodash");

        var workspace = lockfile.Single("@acme/util");
        workspace.Version.ShouldBe("0.1.0");
        workspace.Kind.ShouldBe(DependencyKind.Local);
        workspace.Resolved.ShouldBe("packages/util");
        workspace.Direct.ShouldBeTrue();
        workspace.HasInstallScript.ShouldBeNull();

        var git = lockfile.Single("gitdep");
        git.Kind.ShouldBe(DependencyKind.Git);
        git.Integrity.ShouldBeNull();

        var bundled = lockfile.Single("bundled-child");
        bundled.Bundled.ShouldBeTrue();
        bundled.Resolved.ShouldBeNull();

        // The workspace's own dependency resolves from its node_modules first.
        var leftPad = lockfile.Single("left-pad");
        leftPad.Direct.ShouldBeTrue();
        leftPad.Integrity.ShouldBe("sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4=");
    }

    [Fact]
    public void Registries_of_resolved_urls_are_sources()
    {
        var lockfile = _fixture.Read("package-lock.json", Version3);

        lockfile.Sources.Where(s => s.Kind == PackageSourceKind.Lockfile).Select(s => s.Url)
            .ShouldBe(["https://registry.npmjs.org/", "https://npm.acme.example/repository/npm/"]);
    }

    [Fact]
    public void Npmrc_beside_the_lockfile_declares_registries_without_credentials()
    {
        _fixture.Write(".npmrc", """
            ; the project's registry
            registry=https://npm.acme.example/
            @acme:registry = "https://npm.pkg.github.com"
            //npm.acme.example/:_authToken=secret-token-value
            """);
        var lockfile = _fixture.Read("package-lock.json", Version3);

        lockfile.Sources.ShouldContain(s => s.Url == "https://npm.acme.example/" && s.Kind == PackageSourceKind.Index && s.Location == new DependencyLocation(".npmrc", 2));
        lockfile.Sources.ShouldContain(s => s.Url == "https://npm.pkg.github.com" && s.Kind == PackageSourceKind.Scoped && s.Scope == "@acme");
        lockfile.Sources.ShouldNotContain(s => s.Url.Contains("secret"));
    }

    [Fact]
    public void Version_1_nests_dependencies_and_takes_direct_ones_from_package_json()
    {
        _fixture.Write("package.json", """{ "dependencies": { "express": "^4", "my-lodash": "npm:lodash@4.17.21" }, "devDependencies": { "jest": "^29" } }""");
        var lockfile = _fixture.Read("npm-shrinkwrap.json", """
            {
              "name": "app",
              "lockfileVersion": 1,
              "requires": true,
              "dependencies": {
                "express": {
                  "version": "4.18.2",
                  "resolved": "https://registry.npmjs.org/express/-/express-4.18.2.tgz",
                  "integrity": "sha512-express==",
                  "requires": { "debug": "2.6.9" },
                  "dependencies": {
                    "debug": {
                      "version": "2.6.9",
                      "resolved": "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz",
                      "integrity": "sha512-debug2=="
                    }
                  }
                },
                "jest": { "version": "29.7.0", "resolved": "https://registry.npmjs.org/jest/-/jest-29.7.0.tgz", "integrity": "sha512-jest==", "dev": true },
                "my-lodash": { "version": "npm:lodash@4.17.21", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "integrity": "sha512-lodash==" },
                "gitdep": { "version": "github:acme/gitdep#0123456789abcdef", "from": "github:acme/gitdep" },
                "local": { "version": "file:../local" },
                "fsevents": { "version": "2.3.3", "resolved": "https://registry.npmjs.org/fsevents/-/fsevents-2.3.3.tgz", "integrity": "sha512-f==", "optional": true, "bundled": true }
              }
            }
            """);

        lockfile.Format.ShouldBe(LockfileFormats.PackageLock);
        lockfile.FormatVersion.ShouldBe("1");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Single("express").Direct.ShouldBeTrue();
        lockfile.Single("express").Location.Line.ShouldBe(6);
        var debug = lockfile.Single("debug");
        debug.Direct.ShouldBeFalse();
        debug.Location.Line.ShouldBe(12);
        lockfile.Single("jest").Dev.ShouldBeTrue();
        var alias = lockfile.Single("lodash", "my-lodash");
        alias.Version.ShouldBe("4.17.21");
        alias.Direct.ShouldBeTrue();
        var git = lockfile.Single("gitdep");
        git.Version.ShouldBeNull();
        git.Resolved.ShouldBe("github:acme/gitdep#0123456789abcdef");
        git.Kind.ShouldBe(DependencyKind.Git);
        git.HasInstallScript.ShouldBeNull();
        var local = lockfile.Single("local");
        local.Kind.ShouldBe(DependencyKind.Local);
        local.Direct.ShouldBeTrue();
        lockfile.Single("fsevents").Optional.ShouldBeTrue();
        lockfile.Single("fsevents").Bundled.ShouldBeTrue();
    }

    [Fact]
    public void Version_2_is_read_from_packages_not_the_legacy_section()
    {
        var lockfile = _fixture.Read("package-lock.json", """
            {
              "lockfileVersion": 2,
              "packages": {
                "": { "dependencies": { "a": "1" } },
                "node_modules/a": { "version": "1.0.0", "integrity": "sha512-a==", "hasInstallScript": true }
              },
              "dependencies": {
                "a": { "version": "1.0.0", "integrity": "sha512-a==" }
              }
            }
            """);

        lockfile.Dependencies.Count.ShouldBe(1);
        var a = lockfile.Single("a");
        a.HasInstallScript.ShouldBe(true);
        a.Direct.ShouldBeTrue();
        a.Resolved.ShouldBeNull();
        a.Kind.ShouldBe(DependencyKind.Registry);
    }

    [Theory]
    [InlineData("{ \"lockfileVersion\": 3, \"packages\": [] }")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"name\": \"x\" }")]
    [InlineData("{ \"lockfileVersion\": 3, \"packages\": { \"node_modules/a\": 5 } }")]
    [InlineData("{ \"lockfileVersion\": 3, \"packages\": { ")]
    [InlineData("")]
    public void Malformed_files_are_problems(string content)
    {
        var lockfile = _fixture.Read("package-lock.json", content);

        lockfile.Problems.ShouldNotBeEmpty();
        lockfile.Dependencies.ShouldBeEmpty();
    }
}
