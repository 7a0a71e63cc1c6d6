namespace PackGuard.Cli.Tests.Hostile;

/// <summary>The ways a central directory can lie about the entries it indexes.</summary>
public enum CentralDirectoryLie
{
    /// <summary>The end record puts the central directory past the end of the file.</summary>
    OffsetPastEnd,

    /// <summary>An entry's local header offset points into the middle of another entry's data.</summary>
    LocalOffsetIntoData,

    /// <summary>The end record counts 65,535 entries; two are there.</summary>
    EntryCount,

    /// <summary>
    /// The central directory names an entry <c>package/index.js</c> while its local header names
    /// it <c>package/pwned.sh</c> (extractors that read local headers, streaming ones, see the other name).
    /// </summary>
    NameDiffersFromLocalHeader,
}
