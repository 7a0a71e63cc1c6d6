using PackGuard.Artifacts;
using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.Install.Behaviour;
using PackGuard.Inspectors.Install.MsBuild;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Per-artifact state of the install inspector. Which files run at install time is known only
/// once package.json has been read, and it may come last; so every script at the top level of the
/// artifact is analysed as it streams past (one vectorised pass, kept only when it found
/// something), and <see cref="Complete"/> follows the hooks through the files they run.
/// </summary>
internal sealed class InstallInspection(InspectionContext context) : IArtifactInspection, IInstallHookSource
{
    /// <summary>Scripts larger than this are not analysed unless they are hooks by name (a 40 MB bundle is not an installer).</summary>
    public const long MaxScriptSize = 32L * 1024 * 1024;

    private const int MaxManifestBytes = 1024 * 1024;

    private readonly Dictionary<string, ScriptFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManifestBuffer> _manifests = new(StringComparer.Ordinal);
    private bool? _npmRunsNothing;

    /// <inheritdoc />
    public IReadOnlyList<InstallHook> Hooks { get; private set; } = [];

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File || entry.Depth != 0 || entry.NestedArchive != ArchiveFormat.None)
            return null;
        var path = entry.Path;
        if (ManifestCandidate.For(path) is { Kind: ManifestKind.Npm })
            return _manifests[path] = new ManifestBuffer(MaxManifestBytes);
        if (InstallHooks.IsBuildFile(path))
            return new BuildSink(this, path);
        if (InstallHooks.IsPowerShellHook(path))
            return new ScriptSink(this, path, Dialect.PowerShell, ScanMode.File);
        if (InstallHooks.IsPthFile(path))
            return new ScriptSink(this, path, Dialect.Python, ScanMode.Pth);
        if (InstallHooks.IsSetupPyCandidate(path))
            return new ScriptSink(this, path, Dialect.Python, ScanMode.File);
        var dialect = Dialects.Of(entry.FileName, head);
        if (dialect == Dialect.None || entry.Size > MaxScriptSize || NpmRunsNothingAtInstall())
            return null;
        return new ScriptSink(this, path, dialect, ScanMode.File);
    }

    /// <summary>
    /// Whether the package.json already read declares no preinstall, install or postinstall script:
    /// then no script of the package runs at install (a binding.gyp's implied node-gyp rebuild runs
    /// no file of the package), so the scripts that follow need no reading. Scripts packed before
    /// package.json are still read (npm packs bin/ and a few others first). Decided once, on the
    /// first complete manifest; a later duplicate package.json is archive/ambiguous-name.
    /// </summary>
    private bool NpmRunsNothingAtInstall()
    {
        if (_npmRunsNothing is { } decided)
            return decided;
        var manifest = _manifests.Values.FirstOrDefault(m => m.Completed);
        if (manifest is null)
            return false;
        _npmRunsNothing = !manifest.Truncated && !manifest.Oversized && DeclaresNoInstallScript(manifest.Data);
        return _npmRunsNothing.Value;
    }

    private static bool DeclaresNoInstallScript(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                return false;
            if (!document.RootElement.TryGetProperty("scripts", out var scripts))
                return true;
            return scripts.ValueKind == System.Text.Json.JsonValueKind.Object
                && !scripts.EnumerateObject().Any(s => InstallHooks.NpmLifecycle.Contains(s.Name, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name that does not decode (bad UTF-8, a lone
            // surrogate escape), found by the long fuzz run.
            return false;
        }
    }

    public void Complete(ArtifactSummary artifact)
    {
        var package = artifact.Metadata;
        var hooks = new List<InstallHook>();
        var manifest = package.ManifestPath is { } m && _manifests.TryGetValue(m, out var buffer) ? System.Text.Encoding.UTF8.GetString(buffer.Data) : null;
        switch (package.Ecosystem)
        {
            case "npm":
                hooks.AddRange(new NpmHookTracer(package, manifest, _files, artifact).Trace());
                break;
            case "nuget":
                hooks.AddRange(NuGetHooks());
                break;
            case "pypi":
                hooks.AddRange(PthHooks());
                break;
        }
        hooks.AddRange(SetupPyHooks(artifact));
        Hooks = hooks;
        new InstallFindings(context.Findings, package).Report(hooks);
    }

    private IEnumerable<InstallHook> NuGetHooks()
    {
        foreach (var file in _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (file.Build is { } build && (build.RunsCode || file.Analysis.Hits.Count > 0))
                yield return Hook(InstallHookKind.MsBuild, file) with { Summary = build.Summary() };
            else if (file.Build is null && InstallHooks.IsPowerShellHook(file.Path))
                yield return Hook(InstallHookKind.PowerShell, file);
        }
    }

    private IEnumerable<InstallHook> PthHooks() =>
        _files.Values.Where(f => InstallHooks.IsPthFile(f.Path) && f.ImportLines.Count > 0)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => Hook(InstallHookKind.PthFile, f) with { Summary = f.ImportLines.First });

    /// <summary>A setup.py is run by pip only in a source distribution, which has a PKG-INFO beside it.</summary>
    private IEnumerable<InstallHook> SetupPyHooks(ArtifactSummary artifact) =>
        _files.Values.Where(f => InstallHooks.IsSetupPyCandidate(f.Path) && artifact.ContainsEntry(f.Path[..^"setup.py".Length] + "PKG-INFO"))
            .Select(f => Hook(InstallHookKind.SetupPy, f));

    private static InstallHook Hook(InstallHookKind kind, ScriptFile file) =>
        new(kind, file.Path, file.Path)
        {
            Files = [file.Path],
            Facts = file.Analysis.Facts,
            Behaviours = [.. file.Analysis.Hits.Select(h => new HookBehaviour(file.Path, h))],
        };

    private void Keep(ScriptFile file)
    {
        var special = InstallHooks.IsBuildFile(file.Path) || InstallHooks.IsPowerShellHook(file.Path) || InstallHooks.IsPthFile(file.Path) || InstallHooks.IsSetupPyCandidate(file.Path);
        // Most scripts say nothing of note; only what may matter once the hooks are known is kept.
        if (special || file.Analysis.Hits.Count > 0 || file.Analysis.References.Count > 0 || file.Analysis.Facts != ScriptFacts.None)
            _files[file.Path] = file;
    }

    private sealed class ScriptSink(InstallInspection owner, string path, Dialect dialect, ScanMode mode) : IEntryContentSink
    {
        private readonly ScriptScanner _scanner = new(dialect, mode);
        private readonly PthLines? _pth = mode == ScanMode.Pth ? new PthLines() : null;
        private long _bytes;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _bytes += chunk.Length;
            _scanner.Write(chunk);
            _pth?.Write(chunk);
        }

        public void Complete(bool truncated)
        {
            var analysis = _scanner.Complete();
            owner.Keep(new ScriptFile(path, dialect, analysis, _bytes)
            {
                ImportLines = _pth is null ? default : (_pth.Count, _pth.First, _pth.FirstLine),
                Truncated = truncated,
            });
        }
    }

    private sealed class BuildSink(InstallInspection owner, string path) : IEntryContentSink
    {
        private readonly ManifestBuffer _buffer = new(BuildFileReader.MaxBytes);

        public void Write(ReadOnlySpan<byte> chunk) => _buffer.Write(chunk);

        public void Complete(bool truncated)
        {
            var build = BuildFileReader.Read(_buffer.Data);
            owner.Keep(new ScriptFile(path, Dialect.MsBuild, build.Analysis, _buffer.Data.Count) { Build = build, Truncated = truncated || _buffer.Oversized });
        }
    }
}

/// <summary>An inspection that knows the artifact's install hooks once it completes; the scanner hands them to <c>diff</c>.</summary>
public interface IInstallHookSource
{
    /// <summary>The hooks, complete after <see cref="IArtifactInspection.Complete"/>.</summary>
    IReadOnlyList<InstallHook> Hooks { get; }
}
