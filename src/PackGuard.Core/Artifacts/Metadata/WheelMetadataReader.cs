using System.Text;

namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Reads a wheel's <c>METADATA</c>: email-style headers up to the first blank line (the long
/// description follows and is not needed). A header may continue on indented lines.
/// </summary>
internal static class WheelMetadataReader
{
    private static readonly string[] SourceLabels = ["source", "sourcecode", "repository", "code"];

    public static PackageMetadata Read(ArraySegment<byte> data, string path)
    {
        var headers = Parse(Encoding.UTF8.GetString(data));
        var problems = new List<string>();
        if (First(headers, "Name") is null)
            problems.Add($"{path} has no Name header.");
        return new PackageMetadata
        {
            Ecosystem = "pypi",
            Name = First(headers, "Name"),
            Version = First(headers, "Version"),
            License = License(headers),
            Repository = Repository(headers),
            Homepage = First(headers, "Home-page"),
            AuthorContacts = [.. All(headers, "Author-email").Concat(All(headers, "Maintainer-email")).Where(v => v.Length > 0)],
            DeclaredTools = [.. All(headers, "Requires-Dist").Select(RequirementName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            Problems = problems,
        };
    }

    private static List<(string Name, string Value)> Parse(string text)
    {
        var headers = new List<(string Name, string Value)>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
                break;
            if (line[0] is ' ' or '\t')
            {
                if (headers.Count > 0)
                    headers[^1] = (headers[^1].Name, headers[^1].Value + "\n" + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return headers;
    }

    private static IEnumerable<string> All(List<(string Name, string Value)> headers, string name) =>
        headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    private static string? First(List<(string Name, string Value)> headers, string name) =>
        All(headers, name).FirstOrDefault(v => v.Length > 0);

    /// <summary>License-Expression, else a one-line License, else the licence classifiers.</summary>
    private static string? License(List<(string Name, string Value)> headers)
    {
        if (First(headers, "License-Expression") is { } expression)
            return expression;
        var license = First(headers, "License");
        if (license is not null && license.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase))
            license = null;
        // Old setuptools put the whole licence text in License; a classifier names it better.
        if (license is not null && !license.Contains('\n', StringComparison.Ordinal) && license.Length <= 100)
            return license;
        var classified = LicenseClassifiers.Describe(All(headers, "Classifier"));
        return classified ?? license?.Split('\n').FirstOrDefault(l => l.Length > 0);
    }

    /// <summary>A Project-URL labelled as the source, else Home-page.</summary>
    private static string? Repository(List<(string Name, string Value)> headers)
    {
        foreach (var label in SourceLabels)
        {
            foreach (var value in All(headers, "Project-URL"))
            {
                var comma = value.IndexOf(',', StringComparison.Ordinal);
                if (comma > 0 && NormalizeLabel(value[..comma]) == label && RepositoryUrl.Normalize(value[(comma + 1)..]) is { } url)
                    return url;
            }
        }
        return RepositoryUrl.Normalize(First(headers, "Home-page"));
    }

    private static string NormalizeLabel(string label) =>
        new([.. label.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary><c>requests (&gt;=2.0) ; extra == "http"</c> → <c>requests</c>.</summary>
    private static string? RequirementName(string requirement)
    {
        var end = requirement.AsSpan().IndexOfAny(" ;([<>=!~@");
        var name = (end < 0 ? requirement : requirement[..end]).Trim();
        return name.Length == 0 ? null : name;
    }
}
