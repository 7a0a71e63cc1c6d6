namespace PackGuard.Sources.Npm;

/// <summary>The primitive operators every npm range reduces to.</summary>
internal enum SemVerOperator
{
    Equal,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}

/// <summary>One primitive comparison such as <c>&gt;=1.2.3</c> or <c>&lt;2.0.0-0</c>.</summary>
internal sealed record SemVerComparator(SemVerOperator Operator, SemVersion Version)
{
    /// <summary>Matches every release (but, like npm's <c>*</c>, no prerelease on its own).</summary>
    public static SemVerComparator Any { get; } = new(SemVerOperator.GreaterOrEqual, new SemVersion(0, 0, 0));

    /// <summary>Matches nothing: used for <c>&gt;*</c> and <c>&lt;*</c>.</summary>
    public static SemVerComparator None { get; } = new(SemVerOperator.Less, new SemVersion(0, 0, 0, ["0"]));

    public bool Test(SemVersion version)
    {
        var order = version.CompareTo(Version);
        return Operator switch
        {
            SemVerOperator.Equal => order == 0,
            SemVerOperator.Greater => order > 0,
            SemVerOperator.GreaterOrEqual => order >= 0,
            SemVerOperator.Less => order < 0,
            _ => order <= 0,
        };
    }

    public override string ToString() => Operator switch
    {
        SemVerOperator.Equal => "=",
        SemVerOperator.Greater => ">",
        SemVerOperator.GreaterOrEqual => ">=",
        SemVerOperator.Less => "<",
        _ => "<=",
    } + Version;
}
