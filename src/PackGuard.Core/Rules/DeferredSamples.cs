using System.Collections;

namespace PackGuard.Rules;

/// <summary>
/// Samples built the first time they are read. The catalog is loaded by every command, but only
/// the sample test reads samples; binary samples (a DLL, a PDB, an ELF file built in code) should
/// not cost every run their time and memory.
/// </summary>
public sealed class DeferredSamples(Func<IReadOnlyList<RuleSample>> build) : IReadOnlyList<RuleSample>
{
    private readonly Lazy<IReadOnlyList<RuleSample>> _samples = new(build);

    /// <inheritdoc />
    public RuleSample this[int index] => _samples.Value[index];

    /// <inheritdoc />
    public int Count => _samples.Value.Count;

    /// <inheritdoc />
    public IEnumerator<RuleSample> GetEnumerator() => _samples.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
