namespace PackGuard.Findings;

/// <summary>Where inspectors put what they find. Implementations must accept calls from one thread at a time.</summary>
public interface IFindingSink
{
    /// <summary>Records a finding.</summary>
    void Report(Finding finding);
}

/// <summary>A sink that keeps findings in arrival order.</summary>
public sealed class FindingList : IFindingSink
{
    private readonly List<Finding> _findings = [];

    /// <summary>The findings reported so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <inheritdoc />
    public void Report(Finding finding) => _findings.Add(finding);
}
