using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.Files;

/// <summary>Words the fix for a <c>file/*</c> finding in the terms of the package's own toolchain.</summary>
internal sealed class FileFixAdvisor(PackageMetadata metadata)
{
    /// <summary>How to stop shipping <paramref name="what"/>; credentials are to be rotated first.</summary>
    public string For(string what, bool credentials)
    {
        var rotate = credentials
            ? "Rotate every credential it holds first: a published file stays in every copy already downloaded, so removing it only stops the next leak. Then leave "
            : "Leave ";
        var how = metadata.Ecosystem switch
        {
            "npm" => $"{what} out of the package: list only what the package needs in the \"files\" field of package.json (an allowlist, safer than .npmignore), or add it to .npmignore; check the result with `npm pack --dry-run`.",
            "nuget" => $"{what} out of the .nupkg: remove it from the <files> of the .nuspec, or mark the item Pack=\"false\" in the project file; check the package's file list before pushing.",
            "pypi" => $"{what} out of the distribution: exclude or prune it in MANIFEST.in, or in the build backend's excludes (setuptools, hatch, flit); check the wheel's file list with `unzip -l`.",
            _ => $"{what} out of the published artifact, and check its file list before publishing.",
        };
        return rotate + how;
    }
}
