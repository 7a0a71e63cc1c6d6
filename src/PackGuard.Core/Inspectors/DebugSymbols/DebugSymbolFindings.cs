using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols.Elf;
using PackGuard.Inspectors.DebugSymbols.Pdb;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Turns what was measured in debug files into findings: picks rule and severity (embedded source
/// is as bad as the package is closed; symbols without source are normal, and a symbol package
/// exists to carry them) and writes the message a reviewer reads.
/// </summary>
internal sealed class DebugSymbolFindings(IFindingSink sink, SymbolOpenness context)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private Openness Level => context.Effective.Level;

    public void Report(SymbolObservation o)
    {
        switch (o.Form)
        {
            case SymbolForm.PortablePdb or SymbolForm.EmbeddedPdb:
                ReportPdb(o);
                break;
            case SymbolForm.Elf when o.Elf is { } elf:
                ReportElf(o, elf);
                break;
            case SymbolForm.WindowsPdb:
                Emit(DebugSymbolRules.WindowsPdb, o, ClosedLow(),
                    $"{o.Path} is a Windows PDB ({o.Format}, {ByteSize.Format(o.Bytes)}): the private symbols of the code it belongs to, function, type and variable names, source file paths and line numbers. PackGuard recognises it by its signature and searches its strings for build paths; it does not read its streams.",
                    Base(o, "windows-pdb"), DebugSymbolFixes.WindowsPdb);
                break;
            case SymbolForm.Dsym:
                Emit(DebugSymbolRules.Dsym, o, ClosedLow(),
                    $"{o.Path} is the DWARF file of a .dSYM bundle ({o.Format}, {ByteSize.Format(o.Bytes)}): the full debug information of a macOS or iOS binary, function and type names, source file paths and line tables. PackGuard recognises it by its path and signature and searches its strings for build paths.",
                    Base(o, "dsym"), DebugSymbolFixes.Dsym);
                break;
        }
        ReportUsers(o);
    }

    private void ReportPdb(SymbolObservation o)
    {
        var form = o.Form == SymbolForm.EmbeddedPdb ? "embedded-pdb" : "portable-pdb";
        var what = o.Form == SymbolForm.EmbeddedPdb
            ? $"{o.Path} carries a portable PDB in its debug directory (DebugType=embedded, {ByteSize.Format(o.Bytes)})"
            : $"{o.Path} is a portable PDB ({ByteSize.Format(o.Bytes)})";
        var properties = Base(o, form);
        if (o.Pdb is not { } pdb)
        {
            var why = o.Incomplete is { } reason ? $" ({reason})" : "";
            Emit(DebugSymbolRules.PortablePdb, o, PlainSymbolsSeverity(o), $"{what}; it could not be read{why}, so whether it embeds source is unknown.", properties, DebugSymbolFixes.PortablePdb);
            return;
        }
        AddPdb(properties, pdb, o);
        var message = new StringBuilder(what);
        if (pdb.FirstPartyEmbeddedDocuments > 0)
        {
            var severity = EmbeddedSeverity();
            message.Append($" that embeds the source of {Count(pdb.FirstPartyEmbeddedDocuments, "file")} ({Count(pdb.FirstPartyLines, "line")}, {ByteSize.Format(pdb.FirstPartyBytes)})")
                .Append(pdb.GeneratedEmbeddedDocuments > 0 ? $" beside {Count(pdb.GeneratedEmbeddedDocuments, "build-generated file")}." : ".")
                .Append($" It names {Count(pdb.Documents, "document")} in all.")
                .Append(' ').Append(SeverityReason(severity));
            AppendSourceLink(message, pdb.SourceLink);
            if (pdb.TopDirectories.Count > 1 || pdb.TopDirectories.Sum(d => d.Files) > 1)
                message.Append(" Most exposed: ").Append(string.Join(", ", pdb.TopDirectories.Take(5).Select(d => $"{d.Name} ({d.Files.ToString("N0", Invariant)})"))).Append('.');
            Emit(DebugSymbolRules.EmbeddedSource, o, severity, Finish(message, o), properties, DebugSymbolFixes.EmbeddedPdbSource);
        }
        else if (pdb.EmbeddedDocuments > 0)
        {
            message.Append($" that embeds only {Count(pdb.GeneratedEmbeddedDocuments, "build-generated file")} ({ByteSize.Format(pdb.GeneratedBytes)}: assembly attributes, global usings, source-generator output), which no repository holds; none of the project's own source.")
                .Append($" It names {Count(pdb.Documents, "document")} in all.");
            AppendSourceLink(message, pdb.SourceLink);
            Emit(DebugSymbolRules.EmbeddedSource, o, Severity.Info, Finish(message, o), properties, DebugSymbolFixes.EmbeddedPdbSource);
        }
        else
        {
            message.Append($" naming {Count(pdb.Documents, "source document")} without their source: the paths show the layout of the source tree.");
            if (o.InSymbolsPackage || context.SymbolsPackage)
                message.Append(" It ships in a symbol package, whose purpose is to carry symbols.");
            AppendSourceLink(message, pdb.SourceLink);
            Emit(DebugSymbolRules.PortablePdb, o, PlainSymbolsSeverity(o), Finish(message, o), properties, DebugSymbolFixes.PortablePdb);
        }
    }

    private void ReportElf(SymbolObservation o, ElfMeasurement elf)
    {
        var properties = Base(o, "elf");
        properties["debugSections"] = new JsonArray([.. elf.DebugSections.Select(s => (JsonNode)s)]);
        properties["debugBytes"] = elf.DebugBytes;
        properties["symbolTable"] = elf.SymbolTable;
        properties["dwarfVersion"] = elf.DwarfVersion;
        properties["debugLink"] = elf.DebugLink;
        properties["sourceFiles"] = elf.SourceFiles;
        properties["embeddedSources"] = elf.EmbeddedSources;
        properties["embeddedLines"] = elf.EmbeddedLines;
        properties["embeddedBytes"] = elf.EmbeddedBytes;
        var symtab = elf.SymbolTable ? " It is not stripped either: its .symtab names every function, internal ones included." : "";
        if (elf.EmbeddedSources > 0)
        {
            var severity = EmbeddedSeverity();
            var message = new StringBuilder($"{o.Path} carries DWARF {elf.DwarfVersion} line tables that embed the source of {Count(elf.EmbeddedSources, "file")} ({Count(elf.EmbeddedLines, "line")}, {ByteSize.Format(elf.EmbeddedBytes)}; clang -gembed-source), e.g. {string.Join(", ", elf.EmbeddedExamples.Take(3))}.")
                .Append(' ').Append(SeverityReason(severity)).Append(symtab);
            Emit(DebugSymbolRules.EmbeddedSource, o, severity, Finish(message, o), properties, DebugSymbolFixes.EmbeddedDwarfSource);
        }
        else if (elf.HasDwarf && elf.ToolchainOnly)
        {
            properties["toolchainOnly"] = true;
            var message = new StringBuilder($"{o.Path} carries DWARF debug information ({ByteSize.Format(elf.DebugBytes)}) only for the toolchain's runtime ({string.Join(", ", elf.ExampleFiles)}), linked in from a C library or standard library built with it; none describes the package's own code.")
                .Append(symtab);
            Emit(DebugSymbolRules.Dwarf, o, Severity.Info, Finish(message, o), properties, DebugSymbolFixes.Dwarf);
        }
        else if (elf.HasDwarf)
        {
            var version = elf.DwarfVersion is { } v ? $"DWARF {v}, " : "";
            var files = elf.SourceFiles > 0 ? $" Its line tables name {Count(elf.SourceFiles, "source file")}; they embed no source." : "";
            var message = new StringBuilder($"{o.Path} carries DWARF debug information ({version}{Count(elf.DebugSections.Count, "section")}, {ByteSize.Format(elf.DebugBytes)}: {string.Join(", ", elf.DebugSections.Take(6))}): function, type and variable names, source file paths and line tables.")
                .Append(files).Append(symtab);
            Emit(DebugSymbolRules.Dwarf, o, ClosedLow(), Finish(message, o), properties, DebugSymbolFixes.Dwarf);
        }
        else if (elf.SymbolTable)
        {
            var message = new StringBuilder($"{o.Path} is not stripped: its .symtab names every function and global, internal ones included, though it carries no DWARF debug information.");
            if (elf.DebugLink is not null)
                message.Append($" Its debug information was split off into {elf.DebugLink}.");
            Emit(DebugSymbolRules.Unstripped, o, ClosedLow(), Finish(message, o), properties, DebugSymbolFixes.Unstripped);
        }
    }

    private void ReportUsers(SymbolObservation o)
    {
        var people = o.Users.People;
        if (people.Count == 0)
            return;
        var origins = people.SelectMany(p => p.Origins).Distinct().Select(Origin);
        var names = string.Join(", ", people.Take(5).Select(p => $"{p.User} ({Count(p.Paths, "path")})"));
        var message = $"{o.Path} names the home directory of {(people.Count == 1 ? "the account" : "the accounts")} {names} in {string.Join(" and ", origins)}, e.g. {people[0].Examples[0]}. The user name of the machine that built it ships with the package, and the build was not mapped to deterministic paths.";
        var properties = new JsonObject
        {
            ["users"] = new JsonArray([.. people.Select(p => new JsonObject
            {
                ["user"] = p.User,
                ["paths"] = p.Paths,
                ["origins"] = new JsonArray([.. p.Origins.Select(x => (JsonNode)x)]),
                ["examples"] = new JsonArray([.. p.Examples.Select(x => (JsonNode)x)]),
            })]),
            ["serviceAccounts"] = new JsonArray([.. o.Users.Services.Select(s => (JsonNode)s.User)]),
            ["packageOpenness"] = OpennessName(Level),
        };
        var severity = Level == Openness.Proprietary ? Severity.Medium : Severity.Low;
        sink.Report(new Finding(DebugSymbolRules.UserPath, severity, DebugSymbolRules.UserPathTitle, message, new FindingLocation(o.Path),
            Fingerprint.Compute(DebugSymbolRules.UserPath, o.Path, string.Join(",", people.Select(p => p.User))), properties)
        {
            Fix = DebugSymbolFixes.UserPath,
        });
    }

    private static string Origin(string origin) => origin switch
    {
        "codeview" => "its CodeView PDB path",
        "document" => "its PDB's document paths",
        "source-link" => "its Source Link map",
        "dwarf" => "its DWARF paths",
        _ => "its strings",
    };

    private Severity EmbeddedSeverity() => Level switch
    {
        Openness.Proprietary => Severity.Critical,
        Openness.OpenLicenseOnly => Severity.High,
        _ => Severity.Low,
    };

    /// <summary>Symbols without source: a fact in an open package or a symbol package, worth a look in a closed one.</summary>
    private Severity PlainSymbolsSeverity(SymbolObservation o) =>
        o.InSymbolsPackage || context.SymbolsPackage ? Severity.Info : ClosedLow();

    private Severity ClosedLow() => Level == Openness.Proprietary ? Severity.Low : Severity.Info;

    private string SeverityReason(Severity severity) => severity switch
    {
        Severity.Critical => $"This exposes proprietary source: {context.Effective.Reason}.",
        Severity.High => $"The source may not be public: {context.Effective.Reason}.",
        _ => $"The source is probably public already: {context.Effective.Reason}.",
    };

    private static void AppendSourceLink(StringBuilder message, SourceLinkMap? sourceLink)
    {
        if (sourceLink is null)
            return;
        message.Append(sourceLink.Repositories.Count > 0
            ? $" Its Source Link maps the sources to {string.Join(", ", sourceLink.Repositories.Take(3))}."
            : $" It has a Source Link map to {string.Join(", ", sourceLink.Hosts.Take(3))}.");
        var roots = sourceLink.LocalRoots.Where(r => r != "/_/" && !r.StartsWith("/_", StringComparison.Ordinal)).Take(2).ToList();
        if (roots.Count > 0)
            message.Append($" Build root: {string.Join(", ", roots)}.");
    }

    private static string Finish(StringBuilder message, SymbolObservation o)
    {
        if (o.Incomplete is { } why)
            message.Append(" Not everything could be read (").Append(why).Append("); the figures cover what was read.");
        return message.ToString();
    }

    private JsonObject Base(SymbolObservation o, string form) => new()
    {
        ["form"] = form,
        ["bytes"] = o.Bytes,
        ["symbolsPackage"] = o.InSymbolsPackage || context.SymbolsPackage,
        ["complete"] = o.Incomplete is null,
        ["packageOpenness"] = OpennessName(Level),
    };

    private static void AddPdb(JsonObject properties, PdbMeasurement pdb, SymbolObservation o)
    {
        properties["documents"] = pdb.Documents;
        properties["embeddedDocuments"] = pdb.EmbeddedDocuments;
        properties["firstPartyEmbeddedDocuments"] = pdb.FirstPartyEmbeddedDocuments;
        properties["generatedEmbeddedDocuments"] = pdb.GeneratedEmbeddedDocuments;
        properties["firstPartyLines"] = pdb.FirstPartyLines;
        properties["firstPartyBytes"] = pdb.FirstPartyBytes;
        properties["generatedBytes"] = pdb.GeneratedBytes;
        properties["topDirectories"] = new JsonArray([.. pdb.TopDirectories.Select(d => new JsonObject { ["path"] = d.Name, ["files"] = d.Files })]);
        properties["codeViewPaths"] = new JsonArray([.. o.CodeViewPaths.Select(p => (JsonNode)p)]);
        properties["sourceLink"] = pdb.SourceLink is not { } link ? null : new JsonObject
        {
            ["mappings"] = link.Mappings,
            ["hosts"] = new JsonArray([.. link.Hosts.Select(h => (JsonNode)h)]),
            ["repositories"] = new JsonArray([.. link.Repositories.Select(r => (JsonNode)r)]),
            ["localRoots"] = new JsonArray([.. link.LocalRoots.Select(r => (JsonNode)r)]),
            ["publicForgeOnly"] = link.PublicForgeOnly,
        };
    }

    private void Emit(string ruleId, SymbolObservation o, Severity severity, string message, JsonObject properties, string fix) =>
        sink.Report(new Finding(ruleId, severity, DebugSymbolRules.TitleOf(ruleId), message, new FindingLocation(o.Path),
            Fingerprint.Compute(ruleId, o.Path), properties)
        {
            Fix = fix,
        });

    private static string OpennessName(Openness level) => level switch
    {
        Openness.OpenSource => "open-source",
        Openness.OpenLicenseOnly => "open-licence-only",
        _ => "proprietary",
    };

    private static string Count(long n, string noun) =>
        n.ToString("N0", Invariant) + " " + (n == 1 ? noun : noun + "s");
}
