namespace PackGuard.Dependencies.Typosquatting;

/// <summary>The ways a lookalike name is derived from a popular one (<see cref="TyposquatMatch.Technique"/>).</summary>
public static class SquatTechnique
{
    /// <summary>One inserted, deleted or replaced character (two for names of ten characters or more).</summary>
    public const string EditDistance = "edit-distance";

    /// <summary>Two neighbouring characters swapped (<c>electorn</c>).</summary>
    public const string Transposition = "transposition";

    /// <summary><c>-</c>, <c>_</c>, <c>.</c> added, removed or exchanged (<c>crossenv</c>, <c>setup-tools</c>).</summary>
    public const string Separator = "separator";

    /// <summary>An npm scope dropped, turned into a prefix, or imitated (<c>@scope/x</c> against <c>scope-x</c>).</summary>
    public const string Scope = "scope";

    /// <summary>Characters that look alike (<c>jeIlyfish</c>, Cyrillic <c>е</c>, <c>0</c> for <c>o</c>, <c>rn</c> for <c>m</c>).</summary>
    public const string Homoglyph = "homoglyph";

    /// <summary>A doubled letter dropped or added, once or more (<c>pupeter</c>).</summary>
    public const string RepeatedLetters = "repeated-letters";

    /// <summary>A popular name with a filler word added or exchanged (<c>mysqljs</c>, <c>node-fabric</c>, <c>discord.dll</c>).</summary>
    public const string Combosquat = "combosquat";

    /// <summary>A NuGet ID under, or imitating, a prefix nuget.org reserves (<c>Microsoft.</c>, <c>System.</c>, <c>NuGet.</c>, <c>Azure.</c>).</summary>
    public const string NuGetPrefix = "nuget-prefix";

    /// <summary>A trailing <c>.</c> segment of a popular NuGet ID added or removed (<c>Newtonsoft.Json.Core</c>).</summary>
    public const string NuGetSuffix = "nuget-suffix";
}
