using System.Text.Json;

namespace PackGuard.Dependencies.Online;

/// <summary>Receives the tokens of a JSON document one at a time, from <see cref="JsonTokenStream"/>.</summary>
internal interface IJsonTokenVisitor
{
    /// <summary>Called once per token, with <paramref name="reader"/> on it; the token is complete.</summary>
    void Visit(ref Utf8JsonReader reader);
}
