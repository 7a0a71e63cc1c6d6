namespace PackGuard.Dependencies.Online;

/// <summary>Looks up the packages of a whole project at once.</summary>
public static class RegistryLookups
{
    /// <summary>How many look-ups run at once by default: enough to hide latency, few enough not to be throttled.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>
    /// Looks up many packages, at most <see cref="DefaultConcurrency"/> at a time, each name once:
    /// the same name listed several times (several versions in one lockfile, or in several
    /// lockfiles) is one look-up for all its versions. Names are the same as their registry
    /// compares them (<see cref="PackageNames.Key"/>). Reports progress as (done, total) names.
    /// </summary>
    /// <returns>One result per distinct name, in the order the names first appear.</returns>
    /// <param name="lookup">Asks the registries; <see cref="RegistryLookup"/>.</param>
    /// <param name="packages">Each package's ecosystem, name and the versions whose publish time is wanted.</param>
    /// <param name="olderThan">The cut-off publish times are compared with (see <see cref="IRegistryLookup.LookupAsync"/>).</param>
    /// <param name="progress">Receives (done, total) names: once with 0 before the first look-up, then after each.</param>
    /// <param name="ct">Cancels the look-ups; the only exception that propagates from them.</param>
    public static Task<IReadOnlyList<RegistryPackage>> LookupAllAsync(
        IRegistryLookup lookup,
        IEnumerable<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> packages,
        DateTimeOffset olderThan,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken ct) =>
        LookupAllAsync(lookup, packages, olderThan, progress, DefaultConcurrency, ct);

    /// <summary>As the overload without <paramref name="concurrency"/>, with at most that many look-ups at once.</summary>
    /// <returns>One result per distinct name, in the order the names first appear.</returns>
    /// <param name="lookup">Asks the registries; <see cref="RegistryLookup"/>.</param>
    /// <param name="packages">Each package's ecosystem, name and the versions whose publish time is wanted.</param>
    /// <param name="olderThan">The cut-off publish times are compared with (see <see cref="IRegistryLookup.LookupAsync"/>).</param>
    /// <param name="progress">Receives (done, total) names: once with 0 before the first look-up, then after each.</param>
    /// <param name="concurrency">At most this many look-ups at once (at least 1).</param>
    /// <param name="ct">Cancels the look-ups.</param>
    public static async Task<IReadOnlyList<RegistryPackage>> LookupAllAsync(
        IRegistryLookup lookup,
        IEnumerable<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> packages,
        DateTimeOffset olderThan,
        IProgress<(int Done, int Total)>? progress,
        int concurrency,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);

        var distinct = Distinct(packages);
        var results = new RegistryPackage[distinct.Count];
        var done = 0;
        progress?.Report((0, distinct.Count));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, token) =>
            {
                var (ecosystem, name, versions) = distinct[i];
                results[i] = await lookup.LookupAsync(ecosystem, name, versions, olderThan, token).ConfigureAwait(false);
                progress?.Report((Interlocked.Increment(ref done), distinct.Count));
            }).ConfigureAwait(false);
        return results;
    }

    private static List<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> Distinct(
        IEnumerable<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> packages)
    {
        var order = new List<(string Ecosystem, string Name, List<string> Versions)>();
        var byKey = new Dictionary<(string, string), int>();
        foreach (var (ecosystem, name, versions) in packages)
        {
            var key = (ecosystem, PackageNames.Key(ecosystem, name));
            if (!byKey.TryGetValue(key, out var index))
            {
                byKey[key] = index = order.Count;
                order.Add((ecosystem, name, []));
            }
            var known = order[index].Versions;
            foreach (var version in versions ?? [])
            {
                if (!string.IsNullOrEmpty(version) && !known.Contains(version, StringComparer.Ordinal))
                    known.Add(version);
            }
        }
        return order.ConvertAll(p => (p.Ecosystem, p.Name, (IReadOnlyCollection<string>)p.Versions));
    }
}
