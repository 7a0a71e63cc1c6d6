namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Finds the keys within edit distance <c>k</c> of a query without comparing against all of them
/// (the pigeonhole filter). Each key is cut into <c>k + 1</c> pieces; <c>k</c> edits can spoil at
/// most <c>k</c> of them, so a key within distance <c>k</c> has one piece intact in the query, at
/// most <c>k</c> places from where it stood. The index maps (key length, piece number, piece text)
/// to keys; a query looks up every piece of every key length within <c>k</c> of its own, at every
/// shift within <c>k</c>, and checks the few keys it meets with <see cref="EditDistance"/>.
/// Building costs <c>k + 1</c> entries a key, against the dozens of a deletion-neighbourhood index.
/// </summary>
internal sealed class PartitionIndex
{
    private readonly int _k;
    private readonly int _minLength;
    private readonly string[] _keys;
    private readonly Dictionary<ulong, int> _heads;
    private readonly int[] _next;
    private readonly int[] _key;

    /// <param name="keys">Distinct keys; a result is a position in this array.</param>
    /// <param name="k">The largest edit distance a query looks for.</param>
    /// <param name="minLength">Keys shorter than this are left out.</param>
    public PartitionIndex(string[] keys, int k, int minLength)
    {
        _k = k;
        _minLength = Math.Max(minLength, k + 1);
        _keys = keys;
        var capacity = 0;
        foreach (var key in keys)
        {
            if (key.Length >= _minLength)
                capacity += k + 1;
        }
        _heads = new Dictionary<ulong, int>(capacity);
        _next = new int[capacity];
        _key = new int[capacity];
        var slot = 0;
        for (var id = 0; id < keys.Length; id++)
        {
            var text = keys[id];
            if (text.Length < _minLength)
                continue;
            for (var piece = 0; piece <= k; piece++)
            {
                var (start, length) = Piece(text.Length, piece);
                var hash = Hash(text.Length, piece, text.AsSpan(start, length));
                _key[slot] = id;
                _next[slot] = _heads.TryGetValue(hash, out var head) ? head : -1;
                _heads[hash] = slot++;
            }
        }
    }

    /// <summary>Adds to <paramref name="found"/> each key (once) within distance <c>k</c> of <paramref name="query"/>, with its distance.</summary>
    public void Search(string query, List<(int Key, int Distance)> found)
    {
        var start = found.Count;
        for (var length = Math.Max(_minLength, query.Length - _k); length <= query.Length + _k; length++)
        {
            for (var piece = 0; piece <= _k; piece++)
            {
                var (pieceStart, pieceLength) = Piece(length, piece);
                for (var shift = -_k; shift <= _k; shift++)
                {
                    var at = pieceStart + shift;
                    if (at < 0 || at + pieceLength > query.Length)
                        continue;
                    if (!_heads.TryGetValue(Hash(length, piece, query.AsSpan(at, pieceLength)), out var slot))
                        continue;
                    for (; slot >= 0; slot = _next[slot])
                    {
                        var id = _key[slot];
                        if (_keys[id].Length != length || Seen(found, start, id))
                            continue;
                        var distance = EditDistance.Bounded(query, _keys[id], _k);
                        if (distance <= _k)
                            found.Add((id, distance));
                        else
                            found.Add((id, -1)); // checked, too far: remembered so it is not checked again
                    }
                }
            }
        }
        found.RemoveAll(f => f.Distance < 0);
    }

    private (int Start, int Length) Piece(int keyLength, int piece)
    {
        var start = keyLength * piece / (_k + 1);
        var end = keyLength * (piece + 1) / (_k + 1);
        return (start, end - start);
    }

    private static ulong Hash(int keyLength, int piece, ReadOnlySpan<char> text) =>
        (ulong)(uint)string.GetHashCode(text) << 32 | (uint)keyLength << 8 | (uint)piece;

    private static bool Seen(List<(int Key, int Distance)> found, int start, int id)
    {
        for (var i = start; i < found.Count; i++)
        {
            if (found[i].Key == id)
                return true;
        }
        return false;
    }
}
