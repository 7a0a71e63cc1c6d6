using System.Text;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Finds home directories in a table of NUL-terminated strings (DWARF's <c>.debug_str</c> and
/// <c>.debug_line_str</c>) without turning every string into a <see cref="string"/>: only the
/// strings around a home-directory marker are decoded.
/// </summary>
internal static class StringTables
{
    private static readonly byte[][] Markers = ["/home/"u8.ToArray(), "/Users/"u8.ToArray(), "\\Users\\"u8.ToArray(), "Documents and Settings"u8.ToArray()];

    /// <summary>Records the home directories in the strings of <paramref name="table"/>.</summary>
    public static void Scan(ReadOnlySpan<byte> table, UserPathSet users, string origin)
    {
        var seen = new HashSet<int>();
        foreach (var marker in Markers)
        {
            var from = 0;
            while (from < table.Length)
            {
                var hit = table[from..].IndexOf(marker);
                if (hit < 0)
                    break;
                hit += from;
                var start = table[..hit].LastIndexOf((byte)0) + 1;
                var end = table[hit..].IndexOf((byte)0);
                end = end < 0 ? table.Length : hit + end;
                if (seen.Add(start))
                    users.Scan(Encoding.UTF8.GetString(table[start..Math.Min(end, start + 4096)]), origin);
                from = end + 1;
            }
        }
    }
}
