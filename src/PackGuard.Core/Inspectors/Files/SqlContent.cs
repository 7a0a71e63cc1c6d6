using System.Buffers;
using System.Text;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Reads an SQL file as it streams, without holding it: counts data statements
/// (<c>INSERT INTO</c>, <c>COPY ... FROM stdin</c>) and notes a dump tool's header. A file of
/// <c>CREATE TABLE</c> statements alone is a schema or a migration, which packages ship on purpose.
/// </summary>
internal sealed class SqlContent
{
    private const int Carry = 32;
    private static readonly string[] Words =
        ["INSERT INTO", "FROM stdin", "MySQL dump", "PostgreSQL database dump", "phpMyAdmin SQL Dump", "Dumped from database", "HeidiSQL"];
    private static readonly SearchValues<string> Keywords = SearchValues.Create(Words, StringComparison.OrdinalIgnoreCase);

    private readonly char[] _buffer = new char[Carry + EntryChunk];
    private int _carry;

    private const int EntryChunk = 16 * 1024;

    /// <summary><c>INSERT INTO</c> statements and <c>COPY ... FROM stdin</c> blocks seen.</summary>
    public long DataStatements { get; private set; }

    /// <summary>The dump tool whose header was seen, or null.</summary>
    public string? DumpTool { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(bytes.Length, EntryChunk);
            Encoding.Latin1.GetChars(bytes[..take], _buffer.AsSpan(_carry));
            Scan(_buffer.AsSpan(0, _carry + take), _carry);
            bytes = bytes[take..];
            var length = _carry + take;
            var keep = Math.Min(Carry, length);
            _buffer.AsSpan(length - keep, keep).CopyTo(_buffer);
            _carry = keep;
        }
    }

    /// <summary>Counts keywords that end after <paramref name="fresh"/> (those in the carried tail were counted already).</summary>
    private void Scan(ReadOnlySpan<char> text, int fresh)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(Keywords);
            if (hit < 0)
                return;
            var at = offset + hit;
            var rest = text[at..];
            var length = Match(rest);
            if (at + length > fresh)
                Count(rest);
            offset = at + 1;
        }
    }

    private static int Match(ReadOnlySpan<char> text)
    {
        foreach (var keyword in Words)
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                return keyword.Length;
        }
        return 1;
    }

    private void Count(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("INSERT INTO", StringComparison.OrdinalIgnoreCase) || text.StartsWith("FROM stdin", StringComparison.OrdinalIgnoreCase))
            DataStatements++;
        else if (DumpTool is null)
            DumpTool = text.StartsWith("MySQL", StringComparison.OrdinalIgnoreCase) ? "mysqldump"
                : text.StartsWith("phpMyAdmin", StringComparison.OrdinalIgnoreCase) ? "phpMyAdmin"
                : text.StartsWith("HeidiSQL", StringComparison.OrdinalIgnoreCase) ? "HeidiSQL"
                : "pg_dump";
    }
}
