namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Turns Trove licence classifiers (<c>License :: OSI Approved :: MIT License</c>) into the SPDX
/// identifier where the classifier is unambiguous, and into its own short name otherwise.
/// </summary>
internal static class LicenseClassifiers
{
    private const string Prefix = "License ::";

    private static readonly Dictionary<string, string> Spdx = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MIT License"] = "MIT",
        ["MIT No Attribution License (MIT-0)"] = "MIT-0",
        ["ISC License (ISCL)"] = "ISC",
        ["The Unlicense (Unlicense)"] = "Unlicense",
        ["Boost Software License 1.0 (BSL-1.0)"] = "BSL-1.0",
        ["Mozilla Public License 2.0 (MPL 2.0)"] = "MPL-2.0",
        ["Eclipse Public License 2.0 (EPL-2.0)"] = "EPL-2.0",
        ["GNU General Public License v2 (GPLv2)"] = "GPL-2.0-only",
        ["GNU General Public License v2 or later (GPLv2+)"] = "GPL-2.0-or-later",
        ["GNU General Public License v3 (GPLv3)"] = "GPL-3.0-only",
        ["GNU General Public License v3 or later (GPLv3+)"] = "GPL-3.0-or-later",
        ["GNU Lesser General Public License v2 (LGPLv2)"] = "LGPL-2.0-only",
        ["GNU Lesser General Public License v3 (LGPLv3)"] = "LGPL-3.0-only",
        ["GNU Affero General Public License v3"] = "AGPL-3.0-only",
        ["Python Software Foundation License"] = "PSF-2.0",
        ["zlib/libpng License"] = "Zlib",
        ["Apache License 2.0 (Apache-2.0)"] = "Apache-2.0",
    };

    /// <summary>The licence the classifiers state, several joined with <c>OR</c>; <see langword="null"/> when none do.</summary>
    public static string? Describe(IEnumerable<string> classifiers)
    {
        var names = classifiers
            .Where(c => c.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(c => c[(c.LastIndexOf("::", StringComparison.Ordinal) + 2)..].Trim())
            .Where(n => n.Length > 0 && !n.Equals("OSI Approved", StringComparison.Ordinal))
            .Select(n => Spdx.GetValueOrDefault(n, n))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join(" OR ", names);
    }
}
