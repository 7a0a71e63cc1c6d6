using System.Globalization;

namespace PackGuard.Bench;

/// <summary>The arguments of the benches that take files: <c>&lt;file&gt;... [--runs N] [--codenames a,b]</c>.</summary>
/// <param name="Files">The files, in order.</param>
/// <param name="Runs">How many runs (default 7).</param>
/// <param name="Codenames">Codenames to search for, for the exposure inspector.</param>
internal sealed record InputArgs(IReadOnlyList<string> Files, int Runs, IReadOnlyList<string> Codenames)
{
    /// <summary>Parses the arguments; <see langword="null"/> (after printing <paramref name="usage"/>) when no file is named.</summary>
    public static InputArgs? Parse(IReadOnlyList<string> args, string usage)
    {
        var runs = 7;
        var codenames = new List<string>();
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--runs")
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--codenames")
                codenames.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries));
            else
                files.Add(args[i]);
        }
        if (files.Count > 0)
            return new InputArgs(files, runs, codenames);
        Console.Error.WriteLine("usage: " + usage);
        return null;
    }
}
