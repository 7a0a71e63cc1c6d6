namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Entry names as archives store them, and the ones an extractor could be tricked by. Both
/// separators count: an entry named <c>..\x</c> is harmless on Linux and escapes on Windows.
/// </summary>
internal static class EntryPaths
{
    /// <summary>Reason given when a name climbs out with <c>..</c>.</summary>
    public const string ParentTraversal = "parent-traversal";

    /// <summary>Reason given for <c>/etc/x</c>, <c>C:\x</c>, <c>\\server\x</c>.</summary>
    public const string AbsolutePath = "absolute-path";

    /// <summary>Reason given for a link whose target resolves outside the archive.</summary>
    public const string LinkOutsideRoot = "link-outside-root";

    /// <summary>Ambiguity: the same name appeared earlier in the artifact.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Ambiguity: an earlier name differs from this one only in letter case.</summary>
    public const string CaseCollision = "case-collision";

    /// <summary>Ambiguity: the stored name was not valid UTF-8 (the readers decode such bytes to U+FFFD).</summary>
    public const string InvalidUtf8 = "invalid-utf8";

    /// <summary>Ambiguity: the name holds C0 or C1 control characters.</summary>
    public const string ControlCharacter = "control-character";

    /// <summary>Ambiguity: a zip entry's local header names another file than its central directory.</summary>
    public const string LocalHeaderMismatch = "local-header-mismatch";

    /// <summary>
    /// The name as reported: a leading <c>./</c> (as <c>tar -C dir .</c> writes) and a directory's
    /// trailing slash are removed; nothing else changes, so unsafe names stay visible.
    /// </summary>
    public static string Normalize(string name, bool isDirectory)
    {
        var result = name;
        while (result.StartsWith("./", StringComparison.Ordinal))
            result = result[2..];
        if (isDirectory)
            result = result.TrimEnd('/');
        return result;
    }

    /// <summary>Why extracting an entry with this name would write outside the target, or <see langword="null"/>.</summary>
    public static string? UnsafeNameReason(string name)
    {
        if (IsAbsolute(name))
            return AbsolutePath;
        var rest = name.AsSpan();
        foreach (var range in rest.SplitAny('/', '\\'))
        {
            if (rest[range] is "..")
                return ParentTraversal;
        }
        return null;
    }

    /// <summary>Why a name reads differently from tool to tool on its own, or <see langword="null"/>.</summary>
    public static string? OddNameReason(string name)
    {
        if (name.Contains('\uFFFD', StringComparison.Ordinal))
            return InvalidUtf8;
        foreach (var c in name)
        {
            if (char.IsControl(c))
                return ControlCharacter;
        }
        return null;
    }

    /// <summary>
    /// Whether a link stored at <paramref name="linkName"/> points outside the archive. Symbolic
    /// link targets are relative to the link's directory; tar hard link targets name another
    /// entry, so they are relative to the archive root.
    /// </summary>
    public static bool LinkEscapes(string linkName, string target, bool hardLink)
    {
        if (target.Length == 0)
            return false;
        if (IsAbsolute(target))
            return true;
        var depth = 0;
        if (!hardLink)
        {
            var segments = linkName.Split('/', '\\');
            foreach (var segment in segments.AsSpan(0, segments.Length - 1))
                depth = Step(depth, segment);
            if (depth < 0)
                return true;
        }
        foreach (var segment in target.Split('/', '\\'))
        {
            depth = Step(depth, segment);
            if (depth < 0)
                return true;
        }
        return false;
    }

    /// <summary><c>/x</c>, <c>\x</c>, <c>\\server\x</c> and drive paths (<c>C:\x</c>, <c>C:/x</c>, even <c>C:x</c>).</summary>
    public static bool IsAbsolute(string path) =>
        path.Length > 0 && (path[0] is '/' or '\\' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'));

    private static int Step(int depth, string segment) => segment switch
    {
        "" or "." => depth,
        ".." => depth - 1,
        _ => depth + 1,
    };
}
