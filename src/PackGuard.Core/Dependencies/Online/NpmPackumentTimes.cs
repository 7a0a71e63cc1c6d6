using System.Text.Json;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// Picks what a look-up needs out of an npm packument, abbreviated or full: <c>modified</c> (the
/// abbreviated document's top-level field, or the full one's <c>time.modified</c>) and
/// <c>time[version]</c> for the versions asked about. Everything else is read past.
/// </summary>
internal sealed class NpmPackumentTimes(IReadOnlySet<string> wanted) : IJsonTokenVisitor
{
    private const string ModifiedKey = "modified";

    private bool _sawRoot;
    private string? _topField;
    private string? _timeKey;

    /// <summary>The registry's last change to the package, when the document says.</summary>
    public DateTimeOffset? Modified { get; private set; }

    /// <summary>Whether the document has a <c>time</c> object at all (full packuments do; the abbreviated ones of registry.npmjs.org do not).</summary>
    public bool HasTimes { get; private set; }

    /// <summary>Publish times of the wanted versions the document gives.</summary>
    public Dictionary<string, DateTimeOffset> Times { get; } = new(StringComparer.Ordinal);

    public void Visit(ref Utf8JsonReader reader)
    {
        if (!_sawRoot)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("a packument is a JSON object");
            _sawRoot = true;
            return;
        }

        switch (reader.CurrentDepth, reader.TokenType)
        {
            case (1, JsonTokenType.PropertyName):
                _topField = reader.ValueTextEquals(ModifiedKey) ? ModifiedKey : reader.ValueTextEquals("time") ? "time" : null;
                _timeKey = null;
                break;
            case (1, JsonTokenType.String) when _topField == ModifiedKey:
                Modified = JsonValues.Later(Modified, JsonValues.Time(ref reader));
                break;
            case (1, JsonTokenType.StartObject) when _topField == "time":
                HasTimes = true;
                break;
            case (2, JsonTokenType.PropertyName) when _topField == "time":
                _timeKey = JsonValues.Text(ref reader) is { } key && (key == ModifiedKey || wanted.Contains(key)) ? key : null;
                break;
            case (2, JsonTokenType.String) when _topField == "time" && _timeKey is not null:
                Record(_timeKey, JsonValues.Time(ref reader));
                break;
        }
    }

    private void Record(string key, DateTimeOffset? at)
    {
        if (at is not { } time)
            return;
        if (key == ModifiedKey)
            Modified = JsonValues.Later(Modified, time);
        else
            Times[key] = time;
    }
}
