using System.Diagnostics;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

/// <summary>
/// Builds a small class library with the real .NET SDK, once per test class, and packs it the
/// ways the debug-symbol acceptance tests need: a portable PDB that embeds all sources (shipped
/// in the .nupkg and in a .snupkg), and a PDB embedded in the DLL; each with and without an open
/// licence and a public repository. Offline: the project has no package references, and its
/// NuGet.Config clears every feed.
/// </summary>
public sealed class SdkPackages : IDisposable
{
    /// <summary>The library's own source files, path (under the project) to text.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["Pricing.cs"] = "namespace Acme.Pricing;\n\npublic static class Pricing\n{\n    // The margin agreed with our largest customers: never below 12 %.\n    public static decimal Discount(decimal list) => list * 0.88m;\n}\n",
        ["Licensing/KeyCheck.cs"] = "namespace Acme.Pricing.Licensing;\n\ninternal static class KeyCheck\n{\n    internal static bool Valid(string key) => key.Length == 29 && key[5] == '-';\n}\n",
        ["Internal/Margins.cs"] = "namespace Acme.Pricing.Internal;\n\ninternal static class Margins\n{\n    internal const decimal Floor = 0.12m;\n\n    internal static decimal Apply(decimal price) => price * (1 - Floor);\n}\n",
    };

    private const string Repository = "https://github.com/acme/pricing";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("packguard-sdk-");

    public SdkPackages()
    {
        try
        {
            // Stop MSBuild's search for Directory.Build.* and NuGet's for NuGet.Config at this directory.
            File.WriteAllText(Path.Combine(_root.FullName, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(_root.FullName, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(_root.FullName, "NuGet.Config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
            var portable = Project("portable");
            var embedded = Project("embedded");
            string[] portableArgs = ["-p:EmbedAllSources=true", "-p:DebugType=portable", "-p:IncludeSymbols=true", "-p:SymbolPackageFormat=snupkg"];
            string[] embeddedArgs = ["-p:EmbedAllSources=true", "-p:DebugType=embedded"];
            string[] open = ["-p:PackageLicenseExpression=MIT", "-p:RepositoryUrl=" + Repository, "-p:RepositoryType=git"];
            Pack(portable, "portable-proprietary", build: true, portableArgs);
            Pack(portable, "portable-open", build: false, [.. portableArgs, .. open]);
            Pack(portable, "portable-licence-only", build: false, [.. portableArgs, "-p:PackageLicenseExpression=MIT"]);
            Pack(embedded, "embedded-proprietary", build: true, embeddedArgs);
            Pack(embedded, "embedded-open", build: false, [.. embeddedArgs, .. open]);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The package of one variant: <c>.nupkg</c> or <c>.snupkg</c>.</summary>
    public string Package(string variant, string extension = ".nupkg") =>
        Path.Combine(_root.FullName, "out", variant, "Acme.Pricing.1.0.0" + extension);

    private string Project(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "Acme.Pricing.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <PackageId>Acme.Pricing</PackageId>
                <Version>1.0.0</Version>
                <Authors>Acme</Authors>
                <Description>Pricing engine</Description>
                <AllowedOutputExtensionsInPackageBuildOutputFolder>$(AllowedOutputExtensionsInPackageBuildOutputFolder);.pdb</AllowedOutputExtensionsInPackageBuildOutputFolder>
              </PropertyGroup>
            </Project>
            """);
        foreach (var (path, text) in Sources)
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
        return directory;
    }

    private void Pack(string project, string variant, bool build, string[] properties)
    {
        string[] arguments = ["pack", project, "-c", "Release", "-o", Path.Combine(_root.FullName, "out", variant), "-nologo", .. properties];
        Run(build ? arguments : [.. arguments, "--no-build"]);
    }

    private void Run(string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = _root.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host runs inside `dotnet test`; its MSBuild settings must not leak into this build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than 5 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary directory is cleaned up later.
        }
    }
}
