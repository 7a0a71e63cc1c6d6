using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Artifacts.Inventory;
using PackGuard.Findings;
using PackGuard.Inspectors.Install;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Scanning;

namespace PackGuard.Diff;

/// <summary>
/// Turns the unusual <see cref="DiffChanges"/> into <c>diff/*</c> findings, each with a message
/// that says in one sentence what changed, with figures, and what it means for the release.
/// Severities reflect how unusual the change is (see <see cref="DiffRules"/> and docs/diff.md).
/// </summary>
internal static class DiffFindings
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="old">The old version's scan.</param>
    /// <param name="new">The new version's scan.</param>
    /// <param name="changes">What changed.</param>
    /// <param name="earlier">How many releases before <paramref name="old"/> the changes also account for (kinds of file).</param>
    public static List<Finding> For(ScanResult old, ScanResult @new, DiffChanges changes, int earlier = 0)
    {
        var context = new Context(old, @new, earlier);
        var findings = new List<Finding>();
        // A file that was install-time code before and changed is routine (esbuild's install.js changes every release)
        // unless the new code does what install scripts should not; commands and new install-time files always count.
        findings.AddRange(changes.InstallScripts.Where(s => s.New is not null && (s.Path is null || s.Old is null || s.Fetches)).Select(context.InstallScript));
        findings.AddRange(changes.NewKinds.Select(context.NewKind));
        if (context.SizeJump(changes) is { } size)
            findings.Add(size);
        findings.AddRange(changes.Dependencies.Where(d => d.OldRange is null).Select(context.NewDependency));
        var jumps = changes.Obfuscation.ToDictionary(j => j.Path, StringComparer.Ordinal);
        var apis = changes.DangerousApis.ToDictionary(a => a.Path, StringComparer.Ordinal);
        findings.AddRange(changes.Endpoints.Select(e => context.NewEndpoint(e, apis)));
        findings.AddRange(changes.DangerousApis.Select(a => context.NewApi(a, jumps.GetValueOrDefault(a.Path))));
        findings.AddRange(changes.Obfuscation.Select(context.Obfuscation));
        findings.AddRange(context.NewFindings());
        return findings;
    }

    private sealed class Context(ScanResult old, ScanResult @new, int earlier)
    {
        private readonly ArtifactInventory _new = @new.Inventory!;
        private readonly string _oldLabel = Label(old.Target);
        private readonly string _newLabel = Label(@new.Target);

        private string Manifest => _new.Package.ManifestPath ?? "package.json";

        private string ArtifactPath(string path) => _new.Find(path)?.ArtifactPath ?? path;

        public Finding InstallScript(InstallScriptChange change)
        {
            var severity = change.Fetches ? Severity.High : Severity.Medium;
            var behaviours = change.Behaviours.Count > 0 ? $" (install/* behaviours of the new code: {string.Join(", ", change.Behaviours)})" : "";
            var properties = new JsonObject
            {
                ["script"] = change.Name, ["change"] = change.Change, ["kind"] = change.Kind, ["path"] = change.Path,
                ["old"] = change.Old, ["new"] = change.New, ["fetches"] = change.Fetches,
                ["behaviours"] = new JsonArray([.. change.Behaviours.Select(b => (JsonNode)b)]),
            };
            if (change.Path is not { } path)
            {
                var command = change.New!;
                var what = change.Old is null ? $"adds a {change.Name} script" : $"changes its {change.Name} script";
                var how = change.Fetches ? "that downloads or pipes code into an interpreter" : "that runs";
                var was = change.Old is null ? $"{_oldLabel} had none" : $"in {_oldLabel} it was `{change.Old}`";
                var message = $"{_newLabel} {what} {how}: `{command}` ({was}){behaviours}. It runs on every machine that installs the package, before anyone reads the code.";
                return Make(DiffRules.NewInstallScript, severity, message, Manifest, change.Name, properties);
            }
            var verb = change.Old is null ? "adds" : "changes";
            var role = change.Kind switch
            {
                "npm-script-file" => $"which its unchanged {change.Name} script runs",
                "powershell" => "a PowerShell script Visual Studio runs when the package is installed or its solution opened",
                "msbuild" => "a build file that runs commands or tasks in every project referencing the package",
                "pth-file" => "a .pth file whose import lines run at every Python start",
                "setup-py" => "the setup.py pip runs to install the source distribution",
                _ => "install-time code",
            };
            var does = change.Fetches ? ", and the new code does what an install script has no business doing" : "";
            var text = $"{_newLabel} {verb} {path}, {role}{does}{behaviours}; {(change.Old is null ? $"{_oldLabel} had no such file" : $"the file differs from {_oldLabel}")}.";
            return Make(DiffRules.NewInstallScript, severity, text, ArtifactPath(path), change.Kind + ":" + path, properties);
        }

        public Finding NewKind(KindChange change)
        {
            var paths = change.Paths.Select(ArtifactPath).ToList();
            var embedded = change.Kind == FileKind.SourceMap && @new.Findings.Any(f => f.RuleId == SourceMapRules.EmbeddedSources && paths.Contains(f.Location.Path));
            var severity = change.Kind switch
            {
                FileKind.SourceMap => embedded ? Severity.High : Severity.Low,
                _ => Severity.Medium,
            };
            var listed = string.Join(", ", change.Paths.Take(3).Select(p => $"{p} ({ByteSize.Format(_new.Find(p)?.Size ?? 0)})"));
            var more = change.Paths.Count > 3 ? $" and {change.Paths.Count - 3} more" : "";
            var plural = change.Paths.Count == 1 ? change.Kind.Describe() : $"{change.Paths.Count} files of kind {change.Kind.Describe()}";
            var sources = embedded ? ", and the map embeds original source code" : "";
            var total = change.Paths.Count == 1 ? "" : $", {ByteSize.Format(change.Bytes)} in all";
            var none = earlier == 0 ? $"{_oldLabel} had none" : $"none of the previous {earlier + 1} releases ({_oldLabel} and {earlier} before it) shipped one";
            var message = $"{_newLabel} ships its first {plural}: {listed}{more}{total}{sources}; {none}.";
            return Make(DiffRules.NewFileKind, severity, message, paths[0], change.Kind.ToName(),
                new JsonObject
                {
                    ["kind"] = change.Kind.ToName(), ["files"] = change.Paths.Count, ["bytes"] = change.Bytes,
                    ["paths"] = new JsonArray([.. change.Paths.Take(20).Select(p => (JsonNode)p)]), ["embedsSources"] = embedded,
                    ["releasesCompared"] = earlier + 1,
                });
        }

        public Finding? SizeJump(DiffChanges changes)
        {
            var size = changes.Size;
            if (size.Ratio is not { } ratio || ratio <= DiffRules.SizeJumpRatio || size.New - size.Old <= DiffRules.SizeJumpBytes)
                return null;
            var growth = changes.Added.Concat(changes.Changed)
                .Select(c => (c.Path, Delta: (c.NewSize ?? 0) - (c.OldSize ?? 0), New: c.OldSize is null))
                .Where(c => c.Delta > 0)
                .OrderByDescending(c => c.Delta)
                .Take(3)
                .Select(c => $"{c.Path} (+{ByteSize.Format(c.Delta)}{(c.New ? ", new" : "")})");
            var message = $"The unpacked package grew from {ByteSize.Format(size.Old)} in {_oldLabel} to {ByteSize.Format(size.New)} in {_newLabel} "
                + $"({ratio.ToString("0.00", Invariant)}×, +{ByteSize.Format(size.New - size.Old)}); most of the growth: {string.Join(", ", growth)}.";
            return Make(DiffRules.SizeJump, Severity.Medium, message, Manifest, null,
                new JsonObject { ["oldSize"] = size.Old, ["newSize"] = size.New, ["ratio"] = Math.Round(ratio, 3) });
        }

        public Finding NewDependency(DependencyChange change)
        {
            var scripts = _new.Entries.Where(e => e.Script is not null).ToList();
            var canTell = _new.Package.Ecosystem == "npm" && scripts.Count > 0 && scripts.All(s => !s.Script!.Capped);
            var imported = scripts.Any(s => s.Script!.Imports.Contains(change.Name));
            var unused = canTell && !imported;
            var range = string.IsNullOrEmpty(change.NewRange) ? "" : $" {change.NewRange}";
            var message = unused
                ? $"{_newLabel} adds the dependency {change.Name}{range}, and {(scripts.Count == 1 ? "its only script does not require or import it" : $"none of its {scripts.Count} scripts requires or imports it")}: a dependency nothing uses is how an install-time payload gets pulled in."
                : $"{_newLabel} adds the dependency {change.Name}{range}, which {_oldLabel} did not have{(imported ? "; the code imports it" : "")}.";
            return Make(DiffRules.NewDependency, unused ? Severity.Medium : Severity.Low, message, Manifest, change.Name,
                new JsonObject { ["package"] = change.Name, ["range"] = change.NewRange, ["imported"] = canTell ? imported : null });
        }

        public Finding NewEndpoint(EndpointChange change, IReadOnlyDictionary<string, ApiChange> apis)
        {
            var address = System.Net.IPAddress.TryParse(change.Host, out _);
            var beside = change.Paths.FirstOrDefault(apis.ContainsKey);
            var severity = address || beside is not null ? Severity.Medium : Severity.Low;
            var where = string.Join(", ", change.Paths.Take(3)) + (change.Paths.Count > 3 ? $" and {change.Paths.Count - 3} more" : "");
            var why = address ? " It is a raw IP address, not a host name."
                : beside is not null ? $" {beside} also started using {string.Join(", ", apis[beside].Tokens)} in this version." : "";
            var message = $"{where} names a host no code of {_oldLabel} named: {change.Host} ({change.Url}).{why}";
            return Make(DiffRules.NewEndpoint, severity, message, ArtifactPath(change.Paths[0]), change.Host,
                new JsonObject { ["host"] = change.Host, ["url"] = change.Url, ["paths"] = new JsonArray([.. change.Paths.Take(20).Select(p => (JsonNode)p)]) });
        }

        public Finding NewApi(ApiChange change, ObfuscationChange? jump)
        {
            var severity = jump is not null ? Severity.High : change.AddedFile ? Severity.Low : Severity.Medium;
            var tokens = string.Join(", ", change.Tokens);
            var message = change.AddedFile
                ? $"{change.Path}, new in {_newLabel}, uses {tokens}."
                : $"{change.Path} now uses {tokens}, which its {_oldLabel} version did not"
                  + (jump is not null ? $", and the same file turned opaque (entropy {F(jump.OldEntropy)} → {F(jump.NewEntropy)} bits/byte, minified share {P(jump.OldMinifiedShare)} → {P(jump.NewMinifiedShare)})." : ".");
            return Make(DiffRules.NewDangerousApi, severity, message, ArtifactPath(change.Path), tokens,
                new JsonObject { ["tokens"] = new JsonArray([.. change.Tokens.Select(t => (JsonNode)t)]), ["addedFile"] = change.AddedFile, ["obfuscationJump"] = jump is not null });
        }

        public Finding Obfuscation(ObfuscationChange change)
        {
            var both = PackageDiff.IsEntropyJump(change) && PackageDiff.IsMinifiedJump(change);
            var severity = (both, change.EntryPoint) switch
            {
                (true, true) => Severity.High,
                (true, false) or (false, true) => Severity.Medium,
                _ => Severity.Low,
            };
            var role = change.EntryPoint ? " (an entry point)" : "";
            var message = $"{change.Path}{role} turned {(both ? "opaque" : "denser")} in {_newLabel}: entropy {F(change.OldEntropy)} → {F(change.NewEntropy)} bits/byte, "
                + $"minified share {P(change.OldMinifiedShare)} → {P(change.NewMinifiedShare)}. Appended encoded blobs and obfuscated payloads look like this; a change of bundler does too.";
            return Make(DiffRules.ObfuscationJump, severity, message, ArtifactPath(change.Path), null,
                new JsonObject
                {
                    ["oldEntropy"] = Math.Round(change.OldEntropy, 3), ["newEntropy"] = Math.Round(change.NewEntropy, 3),
                    ["oldMinifiedShare"] = Math.Round(change.OldMinifiedShare, 3), ["newMinifiedShare"] = Math.Round(change.NewMinifiedShare, 3),
                    ["entryPoint"] = change.EntryPoint,
                });
        }

        public IEnumerable<Finding> NewFindings()
        {
            var known = old.Findings.SelectMany(Identities).ToHashSet(StringComparer.Ordinal);
            // That install-time code exists is diff/new-install-script's business; what it does (with line and excerpt) stays.
            foreach (var finding in @new.Findings.Where(f => !Identities(f).Any(known.Contains) && !InstallRules.IsPresence(f.RuleId)))
            {
                var properties = (JsonObject)finding.Properties.DeepClone();
                properties["ruleId"] = finding.RuleId;
                properties["fingerprint"] = finding.Fingerprint;
                yield return new Finding(DiffRules.NewFinding, finding.Severity, DiffRules.NewFindingRule.Title,
                    $"New in {_newLabel} (not in {_oldLabel}), {finding.RuleId}: {finding.Message}",
                    finding.Location, Fingerprint.Compute(DiffRules.NewFinding, finding.Location.Path, finding.Fingerprint), properties)
                {
                    Fix = finding.Fix ?? DiffRules.NewFindingRule.HowToFix,
                };
            }
        }

        /// <summary>
        /// The finding's fingerprint and, for a secret, its rule, file and keyed value hash: a secret's
        /// fingerprint includes its line and column, which move whenever code above it changes, and the
        /// same value in the same file is not a new leak.
        /// </summary>
        private static IEnumerable<string> Identities(Finding finding)
        {
            yield return finding.Fingerprint;
            if (finding.Properties["secretFingerprint"] is { } secret)
                yield return $"{finding.RuleId}\n{finding.Location.Path}\n{finding.Location.OriginalPath}\n{secret.ToJsonString()}";
        }

        private static Finding Make(string ruleId, Severity severity, string message, string path, string? discriminator, JsonObject properties)
        {
            var rule = DiffRules.All.First(r => r.Id == ruleId);
            return new Finding(ruleId, severity, rule.Title, message, new FindingLocation(path), Fingerprint.Compute(ruleId, path, discriminator), properties)
            {
                Fix = rule.HowToFix,
            };
        }

        private static string Label(TargetInfo target) =>
            target.Name is { } name && target.Version is { } version ? $"{name}@{version}" : target.Spec;

        private static string F(double value) => value.ToString("0.00", Invariant);

        private static string P(double share) => share.ToString("0%", Invariant);
    }
}
