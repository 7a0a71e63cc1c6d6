namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>Shannon entropy of a string, in bits per character.</summary>
internal static class Entropy
{
    public static double Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return 0;
        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
                counts[c]++;
            else
                other++;
        }
        double entropy = 0;
        foreach (var count in counts)
            entropy -= Term(count, text.Length);
        return entropy - Term(other, text.Length);
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
            return 0;
        var p = (double)count / length;
        return p * Math.Log2(p);
    }
}
