namespace PackGuard.Inspectors.SourceMaps;

/// <summary>Slash-separated relative paths as maps and <c>sourceMappingURL</c>s use them.</summary>
internal static class RelativePath
{
    /// <summary>Drops empty and <c>.</c> segments and applies <c>..</c>; <c>..</c> above the top is dropped.</summary>
    public static string Collapse(string path)
    {
        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (kept.Count > 0)
                    kept.RemoveAt(kept.Count - 1);
                continue;
            }
            kept.Add(segment);
        }
        return string.Join('/', kept);
    }
}
