using System.Diagnostics;
using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Scanning;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

/// <summary>
/// The ELF reader on what a real toolchain writes: shared objects built by gcc with DWARF 5 and
/// DWARF 4, with zlib-compressed debug sections, with the build directory mapped into a home
/// directory, then stripped of debug information and of everything. Skipped where gcc is missing.
/// </summary>
public sealed class GccBuiltBinaryTests(GccBuiltBinaryTests.Binaries binaries) : IClassFixture<GccBuiltBinaryTests.Binaries>
{
    [GccFact]
    public void Dwarf5_is_read_from_a_gcc_build_with_its_source_file_and_the_mapped_home_directory()
    {
        var result = Scan("libacme5.so");

        var dwarf = result.Single(DebugSymbolRules.Dwarf);
        dwarf.Severity.ShouldBe(Severity.Low);
        dwarf.Long("dwarfVersion").ShouldBe(5);
        dwarf.Properties["symbolTable"]!.GetValue<bool>().ShouldBeTrue();
        dwarf.Long("embeddedSources").ShouldBe(0);
        dwarf.Long("sourceFiles").ShouldBeGreaterThanOrEqualTo(1);
        dwarf.Properties["debugSections"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain(".debug_line");
        var user = result.Single(DebugSymbolRules.UserPath);
        user.Severity.ShouldBe(Severity.Medium);
        user.Properties["users"]!.AsArray().Single()!["user"]!.GetValue<string>().ShouldBe("jdoe");
    }

    [GccFact]
    public void Dwarf4_is_read_too() => Scan("libacme4.so").Single(DebugSymbolRules.Dwarf).Long("dwarfVersion").ShouldBe(4);

    [GccFact]
    public void Zlib_compressed_debug_sections_give_the_same_figures()
    {
        var plain = Scan("libacme5.so").Single(DebugSymbolRules.Dwarf);
        var compressed = Scan("libacmez.so").Single(DebugSymbolRules.Dwarf);

        compressed.Long("sourceFiles").ShouldBe(plain.Long("sourceFiles"));
        compressed.Long("debugBytes").ShouldBeLessThan(plain.Long("debugBytes"));
        compressed.Properties["complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [GccFact]
    public void A_binary_stripped_of_debug_information_keeps_its_symbol_table()
    {
        var result = Scan("libacme-nodebug.so");

        result.Findings.ShouldNotContain(f => f.RuleId == DebugSymbolRules.Dwarf);
        result.Single(DebugSymbolRules.Unstripped).Severity.ShouldBe(Severity.Low);
    }

    [GccFact]
    public void A_stripped_binary_is_no_finding() =>
        Scan("libacme-stripped.so").Findings.ShouldNotContain(f => f.RuleId.StartsWith("debug-symbols/", StringComparison.Ordinal));

    private ScanResult Scan(string name) => ScanFixture.ScanTarGz(
        TestFile.Text("package/package.json", """{"name":"@acme/native","version":"1.0.0","license":"UNLICENSED"}"""),
        new TestFile("package/" + name, File.ReadAllBytes(binaries.Path(name))));

    /// <summary>Compiles the shared objects once for the class.</summary>
    public sealed class Binaries : IDisposable
    {
        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("packguard-gcc-");

        public Binaries()
        {
            if (!GccFactAttribute.Available)
                return;
            // Enough functions that the linker finds compressing the line table worth it.
            var source = "static int helper(void) { return 7; }\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"int engine{i}(int x) {{ return x * {i} + helper(); }}\n"));
            File.WriteAllText(System.IO.Path.Combine(_root.FullName, "acme.c"), source);
            var map = $"-fdebug-prefix-map={_root.FullName}=/home/jdoe/src/acme";
            Run("gcc", "-shared", "-fPIC", "-g", "-gdwarf-5", map, "-o", "libacme5.so", "acme.c");
            Run("gcc", "-shared", "-fPIC", "-g", "-gdwarf-4", "-o", "libacme4.so", "acme.c");
            Run("gcc", "-shared", "-fPIC", "-g", "-gdwarf-5", "-Wl,--compress-debug-sections=zlib", map, "-o", "libacmez.so", "acme.c");
            Run("objcopy", "--strip-debug", "libacme5.so", "libacme-nodebug.so");
            Run("strip", "-o", "libacme-stripped.so", "libacme5.so");
        }

        public string Path(string name) => System.IO.Path.Combine(_root.FullName, name);

        private void Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(tool) { WorkingDirectory = _root.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }

        public void Dispose() => _root.Delete(recursive: true);
    }
}

/// <summary>A test that needs gcc, objcopy and strip (binutils); skipped where they are missing.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (!Available)
            Skip = "gcc, objcopy or strip is not installed.";
    }

    public static bool Available { get; } = new[] { "gcc", "objcopy", "strip" }.All(OnPath);

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
