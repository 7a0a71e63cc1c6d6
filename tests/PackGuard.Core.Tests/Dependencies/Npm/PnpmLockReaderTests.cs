using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies.Npm;

public sealed class PnpmLockReaderTests : IDisposable
{
    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private const string Version5 = """
        lockfileVersion: 5.4

        specifiers:
          '@babel/core': ^7.0.0
          express: ^4.18.0
          my-lodash: npm:lodash@4.17.21
          util: link:../util

        dependencies:
          express: 4.18.2
          my-lodash: /lodash/4.17.21
          util: link:../util

        devDependencies:
          '@babel/core': 7.23.0

        packages:

          /@babel/core/7.23.0:
            resolution: {integrity: sha512-babel==}
            engines: {node: '>=6.9.0'}
            dependencies:
              '@babel/helper': 7.22.0_@babel+core@7.23.0
            dev: true

          /@babel/helper/7.22.0_@babel+core@7.23.0:
            resolution: {integrity: sha512-helper==}
            peerDependencies:
              '@babel/core': ^7.0.0
            dependencies:
              '@babel/core': 7.23.0
            dev: true

          /esbuild/0.19.0:
            resolution: {integrity: sha512-esbuild==}
            hasBin: true
            requiresBuild: true
            optional: true
            dev: false

          /express/4.18.2:
            resolution: {integrity: sha512-express==}
            engines: {node: '>= 0.10.0'}
            dev: false

          /lodash/4.17.21:
            resolution: {integrity: sha512-lodash==}
            dev: false

          github.com/acme/gitdep/0123456789abcdef:
            resolution: {tarball: https://codeload.github.com/acme/gitdep/tar.gz/0123456789abcdef}
            name: gitdep
            version: 1.0.0
            dev: false
        """;

    [Fact]
    public void Version_6_requiresBuild_says_a_package_runs_a_script_unless_the_package_is_optional()
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", """
            lockfileVersion: '6.0'

            dependencies:
              core-js:
                specifier: ^3.38.0
                version: 3.38.0
              fsevents:
                specifier: ^2.3.3
                version: 2.3.3

            packages:

              /core-js@3.38.0:
                resolution: {integrity: sha512-corejs==}
                requiresBuild: true
                dev: false

              /fsevents@2.3.3:
                resolution: {integrity: sha512-fsevents==}
                requiresBuild: true
                optional: true
                dev: false
            """);

        lockfile.Single("core-js").HasInstallScript.ShouldBe(true);
        lockfile.Single("fsevents").HasInstallScript.ShouldBeNull();
    }

    [Fact]
    public void Version_5_reads_slash_keys_peer_suffixes_and_flags()
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", Version5);

        lockfile.Format.ShouldBe(LockfileFormats.Pnpm);
        lockfile.FormatVersion.ShouldBe("5.4");
        lockfile.Problems.ShouldBeEmpty();

        var babel = lockfile.Single("@babel/core");
        babel.Version.ShouldBe("7.23.0");
        babel.Integrity.ShouldBe("sha512-babel==");
        babel.Direct.ShouldBeTrue();
        babel.Dev.ShouldBeTrue();
        babel.HasInstallScript.ShouldBe(false);
        babel.Location.ShouldBe(new DependencyLocation("pnpm-lock.yaml", 19));

        lockfile.Single("@babel/helper").Version.ShouldBe("7.22.0");
        lockfile.Single("@babel/helper").Direct.ShouldBeFalse();

        var esbuild = lockfile.Single("esbuild");
        // pnpm 7 and 8 mark every optional package they did not fetch requiresBuild: unknown, not true.
        esbuild.HasInstallScript.ShouldBeNull();
        esbuild.Optional.ShouldBeTrue();

        lockfile.Single("express").Direct.ShouldBeTrue();
        lockfile.Single("express").Dev.ShouldBeFalse();

        var alias = lockfile.Single("lodash", "my-lodash");
        alias.Direct.ShouldBeTrue();
        alias.Integrity.ShouldBe("sha512-lodash==");
        lockfile.Single("lodash").Direct.ShouldBeFalse();

        var link = lockfile.Single("util");
        link.Kind.ShouldBe(DependencyKind.Local);
        link.Resolved.ShouldBe("link:../util");

        var git = lockfile.Single("gitdep");
        git.Version.ShouldBe("1.0.0");
        git.Kind.ShouldBe(DependencyKind.Url);
        git.Resolved.ShouldBe("https://codeload.github.com/acme/gitdep/tar.gz/0123456789abcdef");
        git.Integrity.ShouldBeNull();
    }

    private const string Version6 = """
        lockfileVersion: '6.0'

        settings:
          autoInstallPeers: true
          excludeLinksFromLockfile: false

        importers:

          .:
            dependencies:
              express:
                specifier: ^4.18.0
                version: 4.18.2
            devDependencies:
              '@babel/core':
                specifier: ^7.0.0
                version: 7.23.0

          packages/util:
            dependencies:
              left-pad:
                specifier: 1.3.0
                version: 1.3.0

        packages:

          /@babel/core@7.23.0:
            resolution: {integrity: sha512-babel==}
            dev: true

          /@babel/helper@7.22.0(@babel/core@7.23.0):
            resolution: {integrity: sha512-helper==}
            dependencies:
              '@babel/core': 7.23.0
            dev: true

          /express@4.18.2:
            resolution: {integrity: sha512-express==}
            dev: false

          /left-pad@1.3.0:
            resolution: {integrity: sha512-leftpad==, tarball: https://npm.acme.example/left-pad/-/left-pad-1.3.0.tgz}
            deprecated: use String.prototype.padStart()
            dev: false

          /private@2.0.0:
            resolution: {integrity: sha512-private==, tarball: https://files.example.com/private-2.0.0.tgz}
            requiresBuild: true
            dev: false
        """;

    [Fact]
    public void Version_6_reads_at_keys_importers_and_tarballs()
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", Version6);

        lockfile.FormatVersion.ShouldBe("6.0");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Count.ShouldBe(5);
        lockfile.Single("@babel/core").Dev.ShouldBeTrue();
        lockfile.Single("@babel/core").Direct.ShouldBeTrue();
        lockfile.Single("@babel/helper").Version.ShouldBe("7.22.0");
        lockfile.Single("left-pad").Direct.ShouldBeTrue();
        lockfile.Single("left-pad").Kind.ShouldBe(DependencyKind.Registry);
        lockfile.Single("left-pad").Resolved.ShouldBe("https://npm.acme.example/left-pad/-/left-pad-1.3.0.tgz");
        var tarball = lockfile.Single("private");
        tarball.Kind.ShouldBe(DependencyKind.Url);
        tarball.HasInstallScript.ShouldBe(true);
        tarball.Direct.ShouldBeFalse();
        lockfile.Sources.Single().ShouldBe(new PackageSource("https://npm.acme.example/", PackageSourceKind.Lockfile, new DependencyLocation("pnpm-lock.yaml", 41)));
    }

    private const string Version9 = """
        lockfileVersion: '9.0'

        settings:
          autoInstallPeers: true
          excludeLinksFromLockfile: false

        importers:

          .:
            dependencies:
              express:
                specifier: ^4.18.0
                version: 4.18.2(supports-color@8.1.1)
              my-lodash:
                specifier: npm:lodash@4.17.21
                version: lodash@4.17.21
            devDependencies:
              jest:
                specifier: ^29.0.0
                version: 29.7.0
            optionalDependencies:
              fsevents:
                specifier: ^2.3.0
                version: 2.3.3

        packages:

          debug@4.3.4:
            resolution: {integrity: sha512-debug==}
            peerDependencies:
              supports-color: '*'
            peerDependenciesMeta:
              supports-color:
                optional: true

          express@4.18.2:
            resolution: {integrity: sha512-express==}
            engines: {node: '>= 0.10.0'}

          fsevents@2.3.3:
            resolution: {integrity: sha512-fsevents==}
            os: [darwin]

          gitdep@https://codeload.github.com/acme/gitdep/tar.gz/0123:
            resolution: {tarball: https://codeload.github.com/acme/gitdep/tar.gz/0123}
            version: 1.0.0

          jest@29.7.0:
            resolution: {integrity: sha512-jest==}

          lodash@4.17.21:
            resolution: {integrity: sha512-lodash==}

          string-width@4.2.3:
            resolution: {integrity: sha512-sw==}

          supports-color@8.1.1:
            resolution: {integrity: sha512-sc==}

        snapshots:

          debug@4.3.4(supports-color@8.1.1):
            dependencies:
              supports-color: 8.1.1

          express@4.18.2(supports-color@8.1.1):
            dependencies:
              debug: 4.3.4(supports-color@8.1.1)

          fsevents@2.3.3:
            optional: true

          gitdep@https://codeload.github.com/acme/gitdep/tar.gz/0123: {}

          jest@29.7.0:
            dependencies:
              debug: 4.3.4(supports-color@8.1.1)
              string-width-cjs: string-width@4.2.3
              gitdep: https://codeload.github.com/acme/gitdep/tar.gz/0123

          lodash@4.17.21: {}

          string-width@4.2.3: {}

          supports-color@8.1.1: {}
        """;

    [Fact]
    public void Version_9_joins_packages_snapshots_and_importers()
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", Version9);

        lockfile.FormatVersion.ShouldBe("9.0");
        lockfile.Problems.ShouldBeEmpty();

        var express = lockfile.Single("express");
        express.Direct.ShouldBeTrue();
        express.Dev.ShouldBeFalse();
        express.HasInstallScript.ShouldBeNull();

        lockfile.Single("jest").Dev.ShouldBeTrue();
        lockfile.Single("jest").Direct.ShouldBeTrue();
        // debug is reached from express too, so it is not development-only; string-width only from jest.
        lockfile.Single("debug").Dev.ShouldBeFalse();
        lockfile.Single("string-width").Dev.ShouldBeTrue();
        lockfile.Single("string-width", "string-width-cjs").Dev.ShouldBeTrue();
        lockfile.Single("fsevents").Optional.ShouldBeTrue();
        lockfile.Single("fsevents").Direct.ShouldBeTrue();

        var alias = lockfile.Single("lodash", "my-lodash");
        alias.Direct.ShouldBeTrue();
        alias.Version.ShouldBe("4.17.21");

        var git = lockfile.Single("gitdep");
        git.Version.ShouldBe("1.0.0");
        git.Dev.ShouldBeTrue();
        git.Kind.ShouldBe(DependencyKind.Url);
    }

    [Fact]
    public void Several_documents_are_all_read()
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", """
            ---
            lockfileVersion: '9.0'
            importers:
              .:
                configDependencies:
                  pnpm-plugin:
                    specifier: 1.0.0
                    version: 1.0.0
            packages:
              pnpm-plugin@1.0.0:
                resolution: {integrity: sha512-plugin==}
            ---
            lockfileVersion: '9.0'
            importers:
              .:
                dependencies:
                  a:
                    specifier: ^1.0.0
                    version: 1.0.0
            packages:
              a@1.0.0:
                resolution: {integrity: sha512-a==}
            snapshots:
              a@1.0.0: {}
            """);

        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Select(d => d.Name).ShouldBe(["pnpm-plugin", "a"]);
        lockfile.Single("a").Direct.ShouldBeTrue();
    }

    [Theory]
    [InlineData("just: text\n")]
    [InlineData("lockfileVersion: '9.0'\npackages: [1, 2\n")]
    [InlineData("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: 5\n")]
    public void Malformed_files_are_problems(string content)
    {
        var lockfile = _fixture.Read("pnpm-lock.yaml", content);

        lockfile.Problems.ShouldNotBeEmpty();
        lockfile.Dependencies.ShouldBeEmpty();
    }
}
