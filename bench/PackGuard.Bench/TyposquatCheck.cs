using System.Globalization;
using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Bench;

/// <summary>Checks names and prints each lookalike found, one a line, tab-separated (for judging by hand).</summary>
internal static class TyposquatCheck
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine("usage: PackGuard.Bench typosquat-check npm|nuget|pypi <name|@file-of-names>...");
            return 2;
        }
        var ecosystem = args[0];
        var names = args.Skip(1).SelectMany(a => a.StartsWith('@') && File.Exists(a[1..]) ? File.ReadAllLines(a[1..]) : [a]).Where(n => n.Length > 0 && n[0] != '#').ToList(); // '#' starts a comment line in a names file
        var flagged = 0;
        foreach (var name in names)
        {
            if (TyposquatDetector.Default.Check(ecosystem, name) is not { } match)
                continue;
            flagged++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{match.Name}\t{match.Intended}\t{match.Technique}\t{match.Confidence:0.00}\tname {match.NamePopularity?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} (#{match.NameRank?.ToString(CultureInfo.InvariantCulture) ?? "-"})\tintended {match.IntendedPopularity?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} (#{match.IntendedRank?.ToString(CultureInfo.InvariantCulture) ?? "-"})"));
        }
        Console.Error.WriteLine($"{flagged} of {names.Count} names flagged");
        return 0;
    }
}
