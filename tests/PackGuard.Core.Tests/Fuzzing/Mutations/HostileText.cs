using System.Text;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>Names and numbers that break readers: traversal, absolute and drive paths, odd bytes, lengths at limits.</summary>
public static class HostileText
{
    /// <summary>Entry names and link targets.</summary>
    public static string Name(FuzzRandom random) => random.Next(22) switch
    {
        0 => "../../../../etc/passwd",
        1 => "/etc/passwd",
        2 => "package/../../outside.js",
        3 => "C:\\Windows\\evil.dll",
        4 => "\\\\server\\share\\x",
        5 => "",
        6 => ".",
        7 => "./",
        8 => "package/",
        9 => "package/a\0hidden.js",
        10 => "package/" + new string('a', random.Pick([99, 100, 101, 155, 156, 255, 256, 4096, 70_000])),
        11 => "package/inner.tgz!package/x.js",
        12 => "package/package.json",
        13 => "package.json",
        14 => "package/\u202Egnp.js",
        15 => "package/" + string.Concat(Enumerable.Repeat("../", random.Next(1, 40))) + "x",
        16 => "package/x.js.map",
        17 => "x.nuspec",
        18 => "a-1.dist-info/METADATA",
        19 => "package/\uD800broken.js",
        20 => "C:x",
        _ => "package/" + Encoding.Latin1.GetString(random.Bytes(random.Length(120))),
    };

    /// <summary>Raw name bytes: the text names above, or bytes that are not UTF-8 at all.</summary>
    public static byte[] NameBytes(FuzzRandom random) => random.Next(5) switch
    {
        0 => [.. "package/"u8, 0xC0, 0xAF, .. "x.js"u8],
        1 => [.. "package/"u8, 0xED, 0xA0, 0x80, .. ".js"u8],
        2 => [.. "package/"u8, 0xFF, 0xFE, 0x00, .. "y"u8],
        _ => Encoding.UTF8.GetBytes(Name(random)),
    };

    /// <summary>Decimal numbers as text, for pax records and JSON.</summary>
    public static string Number(FuzzRandom random, long near = 0) => random.Next(12) switch
    {
        0 => "-1",
        1 => "99999999999999999999999999",
        2 => "1e400",
        3 => "-0",
        4 => "1.5",
        5 => "",
        6 => "12abc",
        7 => " 12",
        8 => "0x1F",
        9 => "9223372036854775807",
        10 => "9223372036854775808",
        _ => random.Interesting(near).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
