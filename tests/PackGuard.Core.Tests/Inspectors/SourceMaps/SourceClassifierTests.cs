using PackGuard.Inspectors.SourceMaps;

namespace PackGuard.Tests.Inspectors.SourceMaps;

public sealed class SourceClassifierTests
{
    [Theory]
    [InlineData("../src/utils/crypto.ts", null, "src/utils/crypto.ts")]
    [InlineData("../../src/a.ts", null, "src/a.ts")]
    [InlineData("webpack://my-lib/./src/index.ts", null, "src/index.ts")]
    [InlineData("webpack:///./src/index.ts", null, "src/index.ts")]
    [InlineData("webpack:///webpack/bootstrap", null, "webpack/bootstrap")]
    [InlineData("index.ts", "../src", "src/index.ts")]
    [InlineData("index.ts", "https://example.com/app/", "app/index.ts")]
    [InlineData("file:///home/dev/project/src/a.ts", null, "home/dev/project/src/a.ts")]
    [InlineData("src\\win\\path.ts", null, "src/win/path.ts")]
    [InlineData("./a.ts?v=3", null, "a.ts")]
    public void Normalizes_source_paths(string source, string? sourceRoot, string expected)
    {
        SourceClassifier.Normalize(source, sourceRoot).ShouldBe(expected);
    }

    [Theory]
    [InlineData("../src/utils/crypto.ts", "FirstParty")]
    [InlineData("../vendor/image-processor-src/index.ts", "FirstParty")]
    [InlineData("../node_modules/lodash-es/eq.js", "ThirdParty")]
    [InlineData("../../node_modules/.pnpm/react@18.2.0/node_modules/react/index.js", "ThirdParty")]
    [InlineData("webpack://app/./node_modules/react/index.js", "ThirdParty")]
    [InlineData("webpack:///webpack/bootstrap", "BundlerRuntime")]
    [InlineData("webpack://app/webpack/runtime/define property getters", "BundlerRuntime")]
    [InlineData("webpack://app/external \"fs\"", "BundlerRuntime")]
    [InlineData("\u0000commonjsHelpers.js", "BundlerRuntime")]
    [InlineData("~/lodash/index.js", "ThirdParty")]
    public void Tells_first_party_from_third_party(string source, string origin)
    {
        SourceClassifier.Classify(SourceClassifier.Normalize(source, null), source).ToString().ShouldBe(origin);
    }
}
