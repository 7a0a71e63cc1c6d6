using System.Text.Json;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// Picks upload times out of PyPI's JSON API. In a project document
/// (<c>/pypi/&lt;name&gt;/json</c>) each wanted version's files are under <c>releases[version]</c>;
/// in a version document (<c>/pypi/&lt;name&gt;/&lt;version&gt;/json</c>) they are under <c>urls</c>.
/// A version's time is its earliest file's <c>upload_time_iso_8601</c> (or <c>upload_time</c>,
/// which is UTC): a wheel added later does not make the release younger.
/// </summary>
internal sealed class PyPIReleaseTimes : IJsonTokenVisitor
{
    private const string IsoField = "upload_time_iso_8601";
    private const string PlainField = "upload_time";

    private readonly Dictionary<string, List<string>> _wanted;
    private readonly string? _versionDocument;
    private bool _sawRoot;
    private string? _topField;
    private List<string>? _current;
    private string? _timeField;
    private DateTimeOffset? _fileIso;
    private DateTimeOffset? _filePlain;

    /// <summary>Reads a project document for the given versions.</summary>
    public PyPIReleaseTimes(IEnumerable<string> wanted)
    {
        _wanted = [];
        foreach (var version in wanted)
        {
            var key = PyPIVersionKey.Of(version);
            if (!_wanted.TryGetValue(key, out var spellings))
                _wanted[key] = spellings = [];
            spellings.Add(version);
        }
    }

    /// <summary>Reads the version document of <paramref name="version"/>.</summary>
    public PyPIReleaseTimes(string version) : this([version]) => _versionDocument = version;

    /// <summary>Whether the document has the <c>releases</c> object PyPI's project documents carry (PyPI has said it may drop it).</summary>
    public bool HasReleases { get; private set; }

    /// <summary>Earliest upload time by version, spelled as the caller asked.</summary>
    public Dictionary<string, DateTimeOffset> Times { get; } = new(StringComparer.Ordinal);

    public void Visit(ref Utf8JsonReader reader)
    {
        if (!_sawRoot)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("a PyPI project document is a JSON object");
            _sawRoot = true;
            return;
        }

        // Project document: releases{version: [file{...}]}, file fields at depth 4. Version document: urls[file{...}], depth 3.
        var fileDepth = _versionDocument is null ? 4 : 3;
        switch (reader.CurrentDepth, reader.TokenType)
        {
            case (1, JsonTokenType.PropertyName):
                _topField = JsonValues.Text(ref reader);
                _current = _versionDocument is not null && _topField == "urls" ? _wanted.Values.First() : null;
                break;
            case (1, JsonTokenType.StartObject) when _topField == "releases" && _versionDocument is null:
                HasReleases = true;
                break;
            case (2, JsonTokenType.PropertyName) when _topField == "releases" && _versionDocument is null:
                _current = JsonValues.Text(ref reader) is { } version ? _wanted.GetValueOrDefault(PyPIVersionKey.Of(version)) : null;
                break;
            case (var depth, JsonTokenType.PropertyName) when depth == fileDepth && _current is not null:
                _timeField = reader.ValueTextEquals(IsoField) ? IsoField : reader.ValueTextEquals(PlainField) ? PlainField : null;
                break;
            case (var depth, JsonTokenType.String) when depth == fileDepth && _current is not null && _timeField is not null:
                if (_timeField == IsoField)
                    _fileIso = JsonValues.Time(ref reader);
                else
                    _filePlain = JsonValues.Time(ref reader);
                _timeField = null;
                break;
            case (var depth, JsonTokenType.EndObject) when depth == fileDepth - 1 && _current is not null:
                // upload_time is the same instant cut to whole seconds: the ISO field wins when a file has both.
                if ((_fileIso ?? _filePlain) is { } at)
                {
                    foreach (var spelling in _current)
                        Times[spelling] = JsonValues.Earlier(Times.TryGetValue(spelling, out var known) ? known : null, at)!.Value;
                }
                (_fileIso, _filePlain, _timeField) = (null, null, null);
                break;
        }
    }
}
