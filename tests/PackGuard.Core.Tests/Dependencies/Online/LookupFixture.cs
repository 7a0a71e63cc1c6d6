using System.Text.Json;
using PackGuard.Dependencies.Online;
using PackGuard.Sources.Http;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Dependencies.Online;

/// <summary>
/// A <see cref="RegistryLookup"/> over a fake registry: npm at <see cref="Npm"/>, a NuGet feed at
/// <see cref="NuGetIndex"/>, PyPI at <see cref="PyPI"/>; retries are instant and requests bounded at 5 s.
/// </summary>
public sealed class LookupFixture : IDisposable
{
    public const string Npm = "https://npm.example/";
    public const string NuGetIndex = "https://nuget.example/v3/index.json";
    public const string NuGetFlat = "https://nuget.example/flat/";
    public const string NuGetRegistrations = "https://nuget.example/reg/";
    public const string PyPI = "https://pypi.example/";

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Cutoff = Now.AddHours(-48);

    private readonly TestSandbox _box = new();

    public FakeHttpHandler Http => _box.Http;

    public void Dispose() => _box.Dispose();

    internal RegistryLookup Lookup(bool shortcut = true, LookupLimits? limits = null, HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? _box.Http), _box.Environment, new PublicRegistries(new Uri(Npm), new Uri(NuGetIndex), new Uri(PyPI)))
        {
            Limits = limits ?? Fast,
            UseModifiedShortcut = shortcut,
        };

    internal static LookupLimits Fast { get; } = LookupLimits.Default with { Retry = new RetryPolicy(2, TimeSpan.Zero, TimeSpan.FromSeconds(5)) };

    public Task<RegistryPackage> LookupAsync(string ecosystem, string name, params string[] versions) =>
        Lookup().LookupAsync(ecosystem, name, versions, Cutoff, CancellationToken.None);

    /// <summary>Serves a NuGet feed's service index, with a registration resource when <paramref name="registrations"/>.</summary>
    public void ServeNuGetIndex(bool registrations = true)
    {
        var resources = new List<object> { new Dictionary<string, string> { ["@id"] = NuGetFlat, ["@type"] = "PackageBaseAddress/3.0.0" } };
        if (registrations)
            resources.Add(new Dictionary<string, string> { ["@id"] = NuGetRegistrations, ["@type"] = "RegistrationsBaseUrl/3.6.0" });
        Http.Json(NuGetIndex, JsonSerializer.Serialize(new { version = "3.0.0", resources }));
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
