using PackGuard.Tests.Support;

namespace PackGuard.Tests.Reports;

/// <summary>The official SARIF 2.1.0 schema, copied beside the tests (see Schemas/README.md).</summary>
internal static class SarifSchema
{
    /// <summary>Where the build copied the schema.</summary>
    public static string FilePath { get; } =
        Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json");

    private static readonly Lazy<JsonSchemaValidator> Instance = new(() => JsonSchemaValidator.FromFile(FilePath));

    /// <summary>A validator for the schema, prepared once.</summary>
    public static JsonSchemaValidator Validator => Instance.Value;
}
