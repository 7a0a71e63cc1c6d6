using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("user/repo", "https://github.com/user/repo")]
    [InlineData("github:user/repo", "https://github.com/user/repo")]
    [InlineData("github:user/repo#v1.2.3", "https://github.com/user/repo")]
    [InlineData("gitlab:group/project", "https://gitlab.com/group/project")]
    [InlineData("bitbucket:team/repo", "https://bitbucket.org/team/repo")]
    [InlineData("gist:11081aaa281", "https://gist.github.com/11081aaa281")]
    [InlineData("git+https://github.com/user/repo.git", "https://github.com/user/repo")]
    [InlineData("git://github.com/user/repo.git", "https://github.com/user/repo")]
    [InlineData("git+ssh://git@github.com/user/repo.git", "https://github.com/user/repo")]
    [InlineData("ssh://git@gitlab.example.com:2222/team/repo.git", "https://gitlab.example.com/team/repo")]
    [InlineData("git@github.com:user/repo.git", "https://github.com/user/repo")]
    [InlineData("git+ssh://git@github.com:isaacs/cliui", "https://github.com/isaacs/cliui")]
    [InlineData("ssh://git@gitlab.com:group/project.git", "https://gitlab.com/group/project")]
    [InlineData("https://github.com/user/repo/", "https://github.com/user/repo")]
    [InlineData("http://github.com/user/repo", "https://github.com/user/repo")]
    [InlineData("http://git.example.org/repo", "http://git.example.org/repo")]
    [InlineData("https://token:x-oauth@github.com/user/repo.git", "https://github.com/user/repo")]
    [InlineData("  https://GitHub.com/User/Repo  ", "https://github.com/User/Repo")]
    public void Npm_repository_strings_become_browsable_https_urls(string text, string expected) =>
        RepositoryUrl.FromNpm(text).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("UNKNOWN")]
    [InlineData("not a url")]
    [InlineData("file:///home/me/repo")]
    [InlineData("javascript:alert(1)")]
    public void Things_that_are_not_repository_urls_give_nothing(string text) =>
        RepositoryUrl.FromNpm(text).ShouldBeNull();
}
