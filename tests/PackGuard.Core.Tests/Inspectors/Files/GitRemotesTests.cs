using PackGuard.Inspectors.Files;

namespace PackGuard.Tests.Inspectors.Files;

public sealed class GitRemotesTests
{
    [Fact]
    public void Reads_every_remote_and_strips_credentials_from_its_url()
    {
        const string config = "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://ci:s3cr3t-t0ken@github.com/acme/app.git\n[branch \"main\"]\n\tremote = origin\n[remote \"upstream\"]\n\turl = git@gitlab.acme.io:platform/app.git\n";

        var remotes = GitRemotes.Read(config);

        remotes.ShouldBe([
            new GitRemote("origin", "https://github.com/acme/app.git", HadCredentials: true),
            new GitRemote("upstream", "git@gitlab.acme.io:platform/app.git", HadCredentials: false),
        ]);
    }

    [Theory]
    [InlineData("[remote \"]\n\turl = https://x.io/a.git\n")]
    [InlineData("[remote \"\"]\n\turl = https://x.io/a.git\n")]
    [InlineData("[remote\n\turl\n=\n")]
    public void Malformed_sections_do_not_throw(string config) =>
        Should.NotThrow(() => GitRemotes.Read(config));

    [Theory]
    [InlineData("https://github.com/acme/app.git", "https://github.com/acme/app.git", false)]
    [InlineData("https://ghp_0123456789abcdefghijklmnop@github.com/acme/app", "https://github.com/acme/app", true)]
    [InlineData("ssh://git@github.com/acme/app.git", "ssh://github.com/acme/app.git", false)]
    [InlineData("https://user:pw@host.io", "https://host.io", true)]
    public void Strips_user_info(string url, string stripped, bool credentials) =>
        GitRemotes.Strip(url).ShouldBe((stripped, credentials));
}
