using System.Collections.Frozen;

namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Letters from other scripts that render like a Latin letter in a package list or a terminal,
/// mapped to that letter. Names are compared once these are folded (<see cref="NameForms.Fold"/>),
/// so <c>Netherеum</c> with a Cyrillic <c>е</c> meets <c>Nethereum</c>. Fullwidth forms and accents
/// are folded separately; only letters that pass for Latin at a glance are listed here.
/// </summary>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o',
        ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i',
        ['ј'] = 'j', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ɡ'] = 'g', ['ү'] = 'y',
        ['А'] = 'a', ['В'] = 'b', ['Е'] = 'e', ['К'] = 'k', ['М'] = 'm', ['Н'] = 'h', ['О'] = 'o', ['Р'] = 'p',
        ['С'] = 'c', ['Т'] = 't', ['У'] = 'y', ['Х'] = 'x', ['Ѕ'] = 's', ['І'] = 'i', ['Ј'] = 'j', ['Ү'] = 'y',
        ['Ӏ'] = 'l', ['Ԁ'] = 'd', ['Ԛ'] = 'q', ['Ԝ'] = 'w',
        // Greek
        ['α'] = 'a', ['ο'] = 'o', ['ρ'] = 'p', ['ν'] = 'v', ['ι'] = 'i', ['κ'] = 'k', ['υ'] = 'u', ['χ'] = 'x',
        ['ε'] = 'e', ['τ'] = 't', ['ϲ'] = 'c', ['ϳ'] = 'j',
        ['Α'] = 'a', ['Β'] = 'b', ['Ε'] = 'e', ['Ζ'] = 'z', ['Η'] = 'h', ['Ι'] = 'i', ['Κ'] = 'k', ['Μ'] = 'm',
        ['Ν'] = 'n', ['Ο'] = 'o', ['Ρ'] = 'p', ['Τ'] = 't', ['Υ'] = 'y', ['Χ'] = 'x', ['Ϲ'] = 'c',
        // Latin lookalikes and letterlike symbols
        ['ı'] = 'i', ['ȷ'] = 'j', ['ℓ'] = 'l', ['ⅼ'] = 'l', ['ǀ'] = 'l', ['ɩ'] = 'i', ['ɑ'] = 'a', ['ʋ'] = 'u',
        ['ꮃ'] = 'w', ['ꓲ'] = 'l', ['ꓳ'] = 'o', ['ꓮ'] = 'a', ['ꓰ'] = 'e', ['ꓢ'] = 's',
        ['ø'] = 'o', ['ł'] = 'l', ['đ'] = 'd', ['ħ'] = 'h', ['ß'] = 's',
    }.ToFrozenDictionary();

    /// <summary>The lowercase Latin letter or digit <paramref name="c"/> passes for, or <paramref name="c"/> lowercased.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
            return char.ToLowerInvariant(c);
        if (c is >= '\uFF01' and <= '\uFF5E')
            return char.ToLowerInvariant((char)(c - 0xFEE0)); // fullwidth ASCII
        if (Map.TryGetValue(c, out var latin))
            return latin;
        return StripAccent(char.ToLowerInvariant(c));
    }

    /// <summary>True for combining marks (accents written as a separate code point), which a skeleton drops.</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F' or >= '\u1AB0' and <= '\u1AFF' or >= '\u20D0' and <= '\u20FF';

    // Precomposed Latin-1 and Latin Extended-A letters with accents read as their base letter.
    private static char StripAccent(char c) => c switch
    {
        >= 'à' and <= 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'ĉ' or 'ċ' or 'č' => 'c',
        'ď' => 'd',
        >= 'è' and <= 'ë' or 'ē' or 'ĕ' or 'ė' or 'ę' or 'ě' => 'e',
        'ĝ' or 'ğ' or 'ġ' or 'ģ' => 'g',
        'ĥ' => 'h',
        >= 'ì' and <= 'ï' or 'ĩ' or 'ī' or 'ĭ' or 'į' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' or 'ļ' or 'ľ' or 'ŀ' => 'l',
        'ñ' or 'ń' or 'ņ' or 'ň' => 'n',
        >= 'ò' and <= 'ö' or 'ō' or 'ŏ' or 'ő' => 'o',
        'ŕ' or 'ŗ' or 'ř' => 'r',
        'ś' or 'ŝ' or 'ş' or 'š' => 's',
        'ţ' or 'ť' => 't',
        >= 'ù' and <= 'ü' or 'ũ' or 'ū' or 'ŭ' or 'ů' or 'ű' or 'ų' => 'u',
        'ŵ' => 'w',
        'ý' or 'ÿ' or 'ŷ' => 'y',
        'ź' or 'ż' or 'ž' => 'z',
        _ => c,
    };
}
