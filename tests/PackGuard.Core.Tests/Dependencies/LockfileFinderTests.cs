using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies;

public sealed class LockfileFinderTests : IDisposable
{
    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Finds_supported_files_and_skips_installed_and_built_folders()
    {
        foreach (var path in (string[])[
            "package-lock.json", "web/yarn.lock", "web/pnpm-lock.yaml", "web/packages/ui/package-lock.json",
            "src/App/App.csproj", "src/App/packages.lock.json", "src/Lib/Lib.fsproj", "Directory.Packages.props", "legacy/packages.config",
            "py/requirements.txt", "py/requirements-dev.txt", "py/requirements/base.txt", "py/poetry.lock", "py/uv.lock",
            "node_modules/left-pad/package-lock.json", "web/node_modules/a/yarn.lock", ".git/packages.lock.json",
            "src/App/bin/Debug/packages.lock.json", "src/App/obj/project.assets.json", "py/.venv/requirements.txt",
            "py/env/pyvenv.cfg", "py/env/lib/requirements.txt", "README.md", "package.json",
        ])
            _fixture.Write(path, "x");

        var found = LockfileReader.Find(_fixture.Root).Select(p => Path.GetRelativePath(_fixture.Root, p).Replace('\\', '/'));

        found.ShouldBe([
            "Directory.Packages.props", "legacy/packages.config", "package-lock.json",
            "py/poetry.lock", "py/requirements-dev.txt", "py/requirements.txt", "py/requirements/base.txt", "py/uv.lock",
            "src/App/App.csproj", "src/App/packages.lock.json", "src/Lib/Lib.fsproj",
            "web/packages/ui/package-lock.json", "web/pnpm-lock.yaml", "web/yarn.lock",
        ]);
    }

    [Fact]
    public void Depth_is_bounded_and_symbolic_links_are_not_followed()
    {
        var deep = string.Join('/', Enumerable.Range(0, 12).Select(i => $"d{i}"));
        _fixture.Write(deep + "/package-lock.json", "{}");
        _fixture.Write("d0/package-lock.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(_fixture.Root, "d0", "loop"), _fixture.Root);

        var found = LockfileReader.Find(_fixture.Root).Select(p => Path.GetRelativePath(_fixture.Root, p).Replace('\\', '/')).ToList();

        found.ShouldBe(["d0/package-lock.json"]);
    }

    [Fact]
    public void A_missing_directory_finds_nothing()
    {
        LockfileReader.Find(Path.Combine(_fixture.Root, "missing")).ShouldBeEmpty();
    }
}
