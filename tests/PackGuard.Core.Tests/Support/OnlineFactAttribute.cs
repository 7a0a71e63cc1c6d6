namespace PackGuard.Tests.Support;

/// <summary>
/// A test that talks to the real registries. Set <c>PACKGUARD_OFFLINE=1</c> to skip it on a
/// machine without network.
/// </summary>
public sealed class OnlineFactAttribute : FactAttribute
{
    public OnlineFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PACKGUARD_OFFLINE") == "1")
            Skip = "PACKGUARD_OFFLINE=1: real-registry tests are off.";
    }
}

/// <summary>A theory that talks to the real registries; skipped like <see cref="OnlineFactAttribute"/>.</summary>
public sealed class OnlineTheoryAttribute : TheoryAttribute
{
    public OnlineTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("PACKGUARD_OFFLINE") == "1")
            Skip = "PACKGUARD_OFFLINE=1: real-registry tests are off.";
    }
}
