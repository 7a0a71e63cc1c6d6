using System.Text.Json;

namespace PackGuard.Tests.Support;

/// <summary>
/// JSON equality as JSON Schema defines it for <c>enum</c> and <c>uniqueItems</c>: numbers by
/// value (<c>1</c> equals <c>1.0</c>), objects regardless of key order, arrays in order.
/// </summary>
public static class JsonEquality
{
    /// <summary>Whether two JSON values are equal.</summary>
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
            return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y)
                    ? x == y
                    : a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength()
                    && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => AreEqual(p.First, p.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count
                    && left.All(p => right.TryGetValue(p.Name, out var other) && AreEqual(p.Value, other));
            default:
                return true; // true, false, null: equal kinds are equal values
        }
    }
}
