using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies;

/// <summary>
/// Lockfiles the real tools wrote (see Real/README.md) for one project: every format must find
/// the same packages, the same declared ones, and read without a problem.
/// </summary>
public sealed class RealLockfileTests : IDisposable
{
    private static readonly string[] DeclaredBySmallProject =
        ["esbuild", "express", "fsevents", "jest", "left-pad", "lodash as lodash-alias", "react", "typescript"];

    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private Lockfile ReadReal(string realName, string lockfileName, string manifest)
    {
        _fixture.CopyReal(manifest, "package.json");
        _fixture.CopyReal("util.package.json", "packages/util/package.json");
        _fixture.CopyReal(realName, lockfileName);
        var lockfile = _fixture.Read(lockfileName);
        lockfile.Problems.ShouldBeEmpty();
        return lockfile;
    }

    private static IEnumerable<string> Declared(Lockfile lockfile) =>
        lockfile.Dependencies.Where(d => d.Direct && d.Kind == DependencyKind.Registry)
            .Select(d => d.Alias is null ? d.Name : $"{d.Name} as {d.Alias}").Order(StringComparer.Ordinal);

    private static HashSet<string> Registry(Lockfile lockfile) =>
        lockfile.Dependencies.Where(d => d.Kind == DependencyKind.Registry && d.Alias is null).Select(d => d.Name + "@" + d.Version).ToHashSet();

    [Theory]
    [InlineData("npm-v1.package-lock.json.gz", "1", 511)]
    [InlineData("npm-v2.package-lock.json.gz", "2", 507)]
    [InlineData("npm-v3.package-lock.json.gz", "3", 507)]
    public void Npm_lockfiles_of_every_version(string realName, string version, int count)
    {
        var lockfile = ReadReal(realName, "package-lock.json", "npm.package.json");

        lockfile.FormatVersion.ShouldBe(version);
        lockfile.Dependencies.Count.ShouldBe(count);
        // Version 1 does not record workspaces, so left-pad, which the workspace declares, is direct only from version 2 on.
        string[] declared = ["esbuild", "eslint", "express", "fsevents", "jest", "lodash as lodash-alias", "next", "react", "react-dom", "typescript", "webpack"];
        Declared(lockfile).ShouldBe(version == "1" ? declared : declared.Append("left-pad").Order(StringComparer.Ordinal));
        lockfile.Single("next").Dev.ShouldBeFalse();
        lockfile.Single("webpack").Dev.ShouldBeTrue();
        lockfile.Single("fsevents").Optional.ShouldBeTrue();
        lockfile.Dependencies.Count(d => d.Dev).ShouldBe(357);
        lockfile.Single("@fixture/util").Kind.ShouldBe(DependencyKind.Local);
        lockfile.Single("@fixture/util").Direct.ShouldBeTrue();
        lockfile.Sources.ShouldHaveSingleItem().Url.ShouldBe("https://registry.npmjs.org/");
        if (version == "1")
        {
            lockfile.Dependencies.ShouldAllBe(d => d.HasInstallScript == null);
        }
        else
        {
            lockfile.Single("esbuild").HasInstallScript.ShouldBe(true);
            lockfile.Single("left-pad").Direct.ShouldBeTrue();
            lockfile.Dependencies.Where(d => d.Kind == DependencyKind.Registry).ShouldAllBe(d => d.Integrity != null && d.Resolved != null);
        }
    }

    [Fact]
    public void Npm_versions_agree_on_the_packages()
    {
        var v3 = Registry(ReadReal("npm-v3.package-lock.json.gz", "package-lock.json", "npm.package.json"));
        var v2 = Registry(ReadReal("npm-v2.package-lock.json.gz", "package-lock.json", "npm.package.json"));

        v2.SetEquals(v3).ShouldBeTrue();
    }

    [Theory]
    [InlineData("pnpm-5.4.pnpm-lock.yaml.gz", "5.4", 261)]
    [InlineData("pnpm-6.0.pnpm-lock.yaml.gz", "6.0", 261)]
    [InlineData("pnpm-9.0.pnpm-lock.yaml.gz", "9.0", 259)]
    public void Pnpm_lockfiles_of_every_version(string realName, string version, int dev)
    {
        var lockfile = ReadReal(realName, "pnpm-lock.yaml", "small.package.json");

        lockfile.FormatVersion.ShouldBe(version);
        Declared(lockfile).ShouldBe(DeclaredBySmallProject);
        Registry(lockfile).Count.ShouldBe(362);
        lockfile.Dependencies.Count(d => d.Dev).ShouldBe(dev);
        lockfile.Single("jest").Dev.ShouldBeTrue();
        lockfile.Single("express").Dev.ShouldBeFalse();
        lockfile.Single("fsevents").Optional.ShouldBeTrue();
        lockfile.Dependencies.ShouldAllBe(d => d.Integrity != null && d.Integrity.StartsWith("sha512-"));
        // 5.x and 6.x record which packages build on install; 9.x no longer does.
        lockfile.Single("esbuild").HasInstallScript.ShouldBe(version == "9.0" ? null : true);
    }

    [Fact]
    public void Pnpm_versions_agree_with_each_other_and_with_yarn()
    {
        var pnpm9 = Registry(ReadReal("pnpm-9.0.pnpm-lock.yaml.gz", "pnpm-lock.yaml", "small.package.json"));
        var pnpm6 = Registry(ReadReal("pnpm-6.0.pnpm-lock.yaml.gz", "pnpm-lock.yaml", "small.package.json"));
        var pnpm5 = Registry(ReadReal("pnpm-5.4.pnpm-lock.yaml.gz", "pnpm-lock.yaml", "small.package.json"));
        var yarn = Registry(ReadReal("yarn-classic.yarn.lock.gz", "yarn.lock", "small.package.json"));

        pnpm6.SetEquals(pnpm9).ShouldBeTrue();
        pnpm5.SetEquals(pnpm9).ShouldBeTrue();
        // pnpm also lists the aliased package under its own name; Yarn only under the alias.
        pnpm9.Except(yarn).ShouldBe(["lodash@4.17.21"]);
        yarn.Except(pnpm9).ShouldBeEmpty();
    }

    [Fact]
    public void Yarn_classic_lockfile()
    {
        var lockfile = ReadReal("yarn-classic.yarn.lock.gz", "yarn.lock", "small.package.json");

        lockfile.Format.ShouldBe(LockfileFormats.YarnClassic);
        lockfile.Dependencies.Count.ShouldBe(362);
        Declared(lockfile).ShouldBe(DeclaredBySmallProject);
        lockfile.Dependencies.Count(d => d.Dev).ShouldBe(261);
        lockfile.Dependencies.ShouldAllBe(d => d.Integrity != null && d.Resolved != null);
        lockfile.Sources.ShouldHaveSingleItem().Url.ShouldBe("https://registry.yarnpkg.com/");
    }

    [Fact]
    public void Yarn_berry_lockfile()
    {
        var lockfile = ReadReal("yarn-berry.yarn.lock.gz", "yarn.lock", "small.package.json");

        lockfile.Format.ShouldBe(LockfileFormats.YarnBerry);
        lockfile.FormatVersion.ShouldBe("10");
        Declared(lockfile).ShouldBe(DeclaredBySmallProject);
        lockfile.Single("@fixture/util").Kind.ShouldBe(DependencyKind.Local);
        lockfile.Single("jest").Dev.ShouldBeTrue();
        lockfile.Single("express").Dev.ShouldBeFalse();
        lockfile.Single("express").Integrity!.ShouldStartWith("10c0/");
        // Yarn patches some packages for compatibility: the patched package comes from the registry too.
        var patched = lockfile.Dependencies.Where(d => d.Resolved!.StartsWith("patch:", StringComparison.Ordinal)).ToList();
        patched.ShouldNotBeEmpty();
        patched.ShouldAllBe(d => d.Kind == DependencyKind.Registry);
    }

    [Theory]
    [InlineData("big-npm.package-lock.json.gz", "package-lock.json", 2328)]
    [InlineData("big-pnpm-9.0.pnpm-lock.yaml.gz", "pnpm-lock.yaml", 2343)]
    public void Big_real_lockfiles(string realName, string lockfileName, int count)
    {
        var lockfile = ReadReal(realName, lockfileName, "big.package.json");

        lockfile.Dependencies.Count.ShouldBe(count);
        lockfile.Dependencies.Count(d => d.Direct).ShouldBe(29);
        lockfile.Dependencies.Where(d => d.Alias != null).Select(d => $"{d.Alias}={d.Name}@{d.Version}").Order(StringComparer.Ordinal).ShouldBe([
            "@swc/legacy-helpers=@swc/helpers@0.4.14", "@vue/vue-loader-v15=vue-loader@15.11.1",
            "string-width-cjs=string-width@4.2.3", "strip-ansi-cjs=strip-ansi@6.0.1", "wrap-ansi-cjs=wrap-ansi@7.0.0",
        ]);
        lockfile.Dependencies.ShouldAllBe(d => d.Kind == DependencyKind.Registry && d.Integrity != null && d.Location.Line > 0);
        lockfile.Single("gatsby").Dev.ShouldBeTrue();
        lockfile.Single("@angular/core").Dev.ShouldBeFalse();
    }

    [Fact]
    public void NuGet_lockfile_and_project()
    {
        _fixture.CopyReal("nuget-app.App.csproj.txt", "App/App.csproj");
        _fixture.CopyReal("nuget-app.packages.lock.json", "App/packages.lock.json");

        var lockfile = _fixture.Read("App/packages.lock.json");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.FormatVersion.ShouldBe("1");
        lockfile.Dependencies.Count.ShouldBe(10);
        lockfile.Dependencies.Where(d => d.Direct).Select(d => d.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["Microsoft.CodeAnalysis.BannedApiAnalyzers", "Microsoft.Extensions.Logging", "Spectre.Console", "lib"]);
        lockfile.Single("Newtonsoft.Json").Direct.ShouldBeFalse();
        lockfile.Dependencies.Where(d => d.Kind == DependencyKind.Registry).ShouldAllBe(d => d.Integrity!.StartsWith("sha512-"));

        var project = _fixture.Read("App/App.csproj");
        project.Problems.ShouldBeEmpty();
        project.Dependencies.Select(d => d.Name + "@" + d.Version).ShouldBe(
            ["Spectre.Console@0.49.1", "Microsoft.Extensions.Logging@6.0.0", "Microsoft.CodeAnalysis.BannedApiAnalyzers@5.6.0"]);
        project.Single("Microsoft.CodeAnalysis.BannedApiAnalyzers").Dev.ShouldBeTrue();
    }

    [Fact]
    public void NuGet_central_package_management()
    {
        _fixture.CopyReal("nuget-cpm.Directory.Packages.props.txt", "Directory.Packages.props");
        _fixture.CopyReal("nuget-cpm.App.csproj.txt", "App/App.csproj");
        _fixture.CopyReal("nuget-cpm.packages.lock.json", "App/packages.lock.json");

        var project = _fixture.Read("App/App.csproj");
        project.Problems.ShouldBeEmpty();
        project.Dependencies.Select(d => d.Name + "@" + d.Version).ShouldBe(["System.CommandLine@3.0.0", "Microsoft.Extensions.Logging@6.0.0"]);

        var lockfile = _fixture.Read("App/packages.lock.json");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.FormatVersion.ShouldBe("2");
        lockfile.Single("Microsoft.Extensions.Logging.Abstractions").Version.ShouldBe("6.0.0");
    }
}
