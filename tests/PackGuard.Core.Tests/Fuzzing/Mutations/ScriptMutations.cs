using System.Text;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Mutations of scripts and stylesheets with an inline map: the <c>data:</c> URL's media type,
/// charset and encoding, the comment's form, references beside it, and damage inside the
/// base64 or percent-encoded payload. (The map itself is mutated one level down, as JSON.)
/// </summary>
public static class ScriptMutations
{
    private static readonly string[] Headers =
    [
        "application/json;base64,", "application/json;charset=utf-8;base64,", "application/json;charset=utf-16;base64,",
        "application/json,", "application/json;charset=utf-8,", "text/plain;base64,", "application/json;charset=UTF-8;charset=latin1;base64,",
        ";base64,", "application/json;base64", "", "application/json;;;base64,", "APPLICATION/JSON;BASE64,", "application/json;base64;base64,",
    ];

    private static readonly string[] Extras =
    [
        "\n//# sourceMappingURL=../../../../etc/passwd.map\n", "\n//# sourceMappingURL=https://evil.example/x.map\n",
        "\n//# sourceMappingURL=data:\n", "\n//@ sourceMappingURL=legacy.js.map\n", "\r\n//# sourceMappingURL=crlf.js.map\r\n",
        "\n/*# sourceMappingURL=unterminated.css.map", "\n//# sourceMappingURL=\n", "\n//# sourceMappingURL=%E0%A4%A.map\n",
        "\n//# sourceMappingURL=data:application/json;base64,!!!!\n", "\n//# sourceMappingURL=" + new string('a', 70_000) + "\n",
    ];

    /// <summary>Mutates the script node's own structure.</summary>
    public static ScriptNode Restructure(ScriptNode script, FuzzRandom random, out string description)
    {
        switch (random.Next(4))
        {
            case 0:
                var header = random.Pick(Headers);
                description = $"script:header={header}";
                return script with { Header = header };
            case 1:
                description = $"script:css={!script.Css}";
                return script with { Css = !script.Css };
            case 2:
                var extra = random.Pick(Extras);
                description = $"script:extra-reference({extra.Length})";
                return script with { Code = random.Chance(50) ? script.Code + extra : extra + script.Code };
            default:
                var line = new string('x', random.Pick([10_000, 1 << 20]));
                description = $"script:long-line({line.Length})";
                return script with { Code = script.Code + line };
        }
    }

    /// <summary>Damages the encoded payload of the rendered script.</summary>
    public static byte[] Mutate(byte[] script, FuzzRandom random, out string description)
    {
        var marker = script.AsSpan().IndexOf("data:"u8);
        if (marker < 0)
            return ByteMutations.Mutate(script, random, () => script, out description);
        var comma = script.AsSpan(marker).IndexOf((byte)',');
        var start = comma < 0 ? marker + 5 : marker + comma + 1;
        var end = script.AsSpan(start).IndexOfAny((byte)'\n', (byte)' ', (byte)'*');
        end = end < 0 ? script.Length : start + end;
        var at = random.Next(start, Math.Max(start + 1, end));
        var insert = random.Pick(["!", "=", "==", " ", "\n", "%", "%ZZ", "%E0%A4%A", "%00", "-_", "\0", "\u00ff", "A", "AAA"]);
        var cut = random.Chance(25);
        description = cut ? $"script:payload-cut@{at}" : $"script:payload@{at}+{Uri.EscapeDataString(insert)}";
        return cut ? [.. script.AsSpan(0, at), .. script.AsSpan(end)] : [.. script.AsSpan(0, at), .. Encoding.UTF8.GetBytes(insert), .. script.AsSpan(at)];
    }
}
