using PackGuard.Rules;

namespace PackGuard.Inspectors.Install;

/// <summary>Sample packages for the install rules: npm tarballs, wheels, sdists and NuGet packages as files.</summary>
internal static class InstallSamples
{
    public static SampleFile Npm(string scripts = "", string extra = "") =>
        new("package/package.json", $$"""{"name":"acme","version":"1.0.0","license":"MIT"{{(scripts.Length > 0 ? $",\"scripts\":{{{scripts}}}" : "")}}{{extra}}}""");

    public static SampleFile File(string path, string content) => new("package/" + path, content);

    public static IReadOnlyList<SampleFile> Nuget(params SampleFile[] files) =>
        [new("Acme.nuspec", """<?xml version="1.0"?><package><metadata><id>Acme</id><version>1.0.0</version><license type="expression">MIT</license></metadata></package>"""), .. files];

    public static IReadOnlyList<SampleFile> Wheel(params SampleFile[] files) =>
        [new("acme-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme\nVersion: 1.0\nLicense: MIT\n"), .. files];

    public static IReadOnlyList<SampleFile> Sdist(string setup) =>
        [new("acme-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: acme\nVersion: 1.0\n"), new("acme-1.0/setup.py", setup)];

    public static SampleFile Targets(string body, string name = "build/Acme.targets") =>
        new(name, $"""<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">{body}</Project>""");
}
