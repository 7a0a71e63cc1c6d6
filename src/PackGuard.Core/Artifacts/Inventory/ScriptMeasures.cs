namespace PackGuard.Artifacts.Inventory;

/// <summary>
/// Cheap measures of one script, taken as its bytes stream past: enough to tell, between two
/// versions, that a file turned opaque or started to reach for the network or a shell.
/// </summary>
/// <param name="Entropy">Shannon entropy of the bytes, in bits per byte (hand-written JS ~4.5–5.3, base64 ~6, random 8).</param>
/// <param name="MinifiedShare">Share of the bytes on lines longer than <see cref="ScriptMeter.LongLine"/> characters.</param>
/// <param name="Endpoints">Host names of <c>http(s)://</c> and <c>ws(s)://</c> URL literals, each with the first URL seen for it.</param>
/// <param name="DangerousApis">How often each token of <see cref="ScriptMeter.ApiNames"/> occurs.</param>
/// <param name="Imports">Package names the script requires or imports by a bare specifier (<c>require("x")</c>, <c>from "x"</c>, <c>import("x")</c>).</param>
/// <param name="Capped">More than <see cref="ScriptMeter.MaxEndpoints"/> hosts or <see cref="ScriptMeter.MaxImports"/> imports: the sets are incomplete.</param>
public sealed record ScriptMeasures(
    double Entropy,
    double MinifiedShare,
    IReadOnlyDictionary<string, string> Endpoints,
    IReadOnlyDictionary<string, int> DangerousApis,
    IReadOnlySet<string> Imports,
    bool Capped);
