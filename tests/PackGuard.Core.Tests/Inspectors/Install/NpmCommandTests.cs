using PackGuard.Inspectors.Install;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Tests.Inspectors.Install;

public sealed class NpmCommandTests
{
    [Theory]
    [InlineData("node install.js", "install.js")]
    [InlineData("node ./scripts/install", "./scripts/install")]
    [InlineData("(node install/libvips && node install/dll-copy && prebuild-install) || (node install/can-compile && node-gyp rebuild)", "install/libvips,install/dll-copy,install/can-compile")]
    [InlineData("start /B node preinstall.js & node preinstall.js", "preinstall.js,preinstall.js")]
    [InlineData("FOO=1 node --max-old-space-size=4096 -r dotenv/config build.mjs", "build.mjs")]
    [InlineData("sh ./setup.sh && ./bin/post.sh", "./setup.sh,./bin/post.sh")]
    [InlineData("prebuild-install -r napi || node-gyp rebuild", "")]
    [InlineData("opencollective-postinstall || exit 0", "")]
    public void Files_run_by_a_command(string command, string expected)
    {
        NpmCommand.Parse(command).Files.ShouldBe(expected.Length == 0 ? [] : expected.Split(','));
    }

    [Fact]
    public void Inline_code_and_called_scripts_are_found()
    {
        var parsed = NpmCommand.Parse("node -e \"try{require('./postinstall')}catch(e){}\" && python3 -c 'import os' && npm run build -- --prod");

        parsed.Inline.ShouldBe([("try{require('./postinstall')}catch(e){}", Dialect.JavaScript), ("import os", Dialect.Python)]);
        parsed.Scripts.ShouldBe(["build"]);
    }
}
