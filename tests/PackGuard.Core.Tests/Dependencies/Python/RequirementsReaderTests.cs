using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies.Python;

public sealed class RequirementsReaderTests : IDisposable
{
    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Reads_pins_ranges_urls_markers_hashes_and_continuations()
    {
        var lockfile = _fixture.Read("requirements.txt", """
            # Production requirements
            --index-url https://pypi.acme.example/simple
            --extra-index-url=https://user:secret@extra.example/simple
            -f ./wheels

            Django==4.2.7  # the web framework
            requests[security,socks] >= 2.31, < 3 ; python_version >= "3.8"
            zope.interface===6.0
            Flask_Login==0.6.*
            urllib3 \
                ==2.1.0 \
                --hash=sha256:55901e917a5896a349ff771be919f8bd99aff50b79fe58fec595eb37bbc56bb3 \
                --hash=sha256:df7aa8afb0148fa78488e7899b2c59b5f4ffcfa82e6c54ccb9dd37c1d7b52d54
            pip @ https://github.com/pypa/pip/archive/22.0.2.zip ; sys_platform == "linux"
            git+https://github.com/acme/internal-lib.git@v1.2#egg=internal-lib
            https://files.example.com/packages/six-1.16.0-py2.py3-none-any.whl
            -e git+https://github.com/acme/tool.git#egg=acme_tool
            -e ./local-project
            """);

        lockfile.Format.ShouldBe(LockfileFormats.Requirements);
        lockfile.Ecosystem.ShouldBe("pypi");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.ShouldAllBe(d => d.Direct);

        var django = lockfile.Single("django");
        django.DisplayName.ShouldBe("Django");
        django.Version.ShouldBe("4.2.7");
        django.Requested.ShouldBeNull();
        django.Location.ShouldBe(new DependencyLocation("requirements.txt", 6));

        var requests = lockfile.Single("requests");
        requests.Version.ShouldBeNull();
        requests.Requested.ShouldBe(">=2.31,<3");

        lockfile.Single("zope-interface").Version.ShouldBe("6.0");
        lockfile.Single("flask-login").Version.ShouldBeNull();
        lockfile.Single("flask-login").Requested.ShouldBe("==0.6.*");

        var urllib3 = lockfile.Single("urllib3");
        urllib3.Version.ShouldBe("2.1.0");
        urllib3.Integrity.ShouldBe("sha256:55901e917a5896a349ff771be919f8bd99aff50b79fe58fec595eb37bbc56bb3");
        urllib3.Hashes.Count.ShouldBe(2);
        urllib3.Location.Line.ShouldBe(10);

        var pip = lockfile.Single("pip");
        pip.Resolved.ShouldBe("https://github.com/pypa/pip/archive/22.0.2.zip");
        pip.Kind.ShouldBe(DependencyKind.Url);

        var git = lockfile.Single("internal-lib");
        git.Kind.ShouldBe(DependencyKind.Git);
        git.Resolved.ShouldBe("git+https://github.com/acme/internal-lib.git@v1.2#egg=internal-lib");

        var six = lockfile.Single("six");
        six.Version.ShouldBe("1.16.0");
        six.Kind.ShouldBe(DependencyKind.Url);

        lockfile.Single("acme-tool").Kind.ShouldBe(DependencyKind.Git);

        lockfile.Sources.ShouldBe([
            new PackageSource("https://pypi.acme.example/simple", PackageSourceKind.Index, new DependencyLocation("requirements.txt", 2)),
            new PackageSource("https://extra.example/simple", PackageSourceKind.ExtraIndex, new DependencyLocation("requirements.txt", 3)),
            new PackageSource("./wheels", PackageSourceKind.FindLinks, new DependencyLocation("requirements.txt", 4)),
        ]);
    }

    [Fact]
    public void Includes_are_read_relative_to_the_including_file()
    {
        _fixture.Write("requirements/base.txt", "-r common/shared.txt\nrequests==2.31.0\n");
        _fixture.Write("requirements/common/shared.txt", "certifi==2024.2.2\n");
        _fixture.Write("requirements/dev.txt", "-r base.txt\n-c constraints.txt\npytest==8.0.0\n");
        var lockfile = _fixture.Read("requirements/dev.txt");

        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Select(d => d.Name).ShouldBe(["certifi", "requests", "pytest"]);
        lockfile.Single("certifi").Location.ShouldBe(new DependencyLocation("requirements/common/shared.txt", 1));
        lockfile.Single("requests").Location.ShouldBe(new DependencyLocation("requirements/base.txt", 2));
    }

    [Fact]
    public void An_include_cycle_is_a_problem_and_each_file_is_read_once()
    {
        _fixture.Write("a.txt", "-r b.txt\nalpha==1.0\n");
        _fixture.Write("b.txt", "-r a.txt\n-r b.txt\nbeta==1.0\n");
        var lockfile = _fixture.Read("a.txt");

        lockfile.Dependencies.Select(d => d.Name).ShouldBe(["beta", "alpha"]);
        lockfile.Problems.Count.ShouldBe(2);
        lockfile.Problems[0].ShouldBe("b.txt line 1: include cycle: a.txt -> b.txt -> a.txt; not followed again");
        lockfile.Problems[1].ShouldContain("include cycle: b.txt -> b.txt");
    }

    [Fact]
    public void Missing_remote_and_too_deep_includes_are_problems()
    {
        _fixture.Write("requirements.txt", "-r missing.txt\n-r https://example.com/req.txt\n-r deep0.txt\n");
        for (var i = 0; i < 15; i++)
            _fixture.Write($"deep{i}.txt", $"-r deep{i + 1}.txt\npkg{i}==1.0\n");
        var lockfile = _fixture.Read("requirements.txt");

        lockfile.Problems.ShouldContain(p => p.Contains("missing.txt, which does not exist"));
        lockfile.Problems.ShouldContain(p => p.Contains("remote file"));
        lockfile.Problems.ShouldContain(p => p.Contains("nested more than 10 deep"));
        lockfile.Dependencies.Count.ShouldBe(10);
    }

    [Fact]
    public void Pip_compile_via_notes_tell_transitive_pins()
    {
        var lockfile = _fixture.Read("requirements.txt", """
            #
            # This file is autogenerated by pip-compile with Python 3.12
            #
            certifi==2024.2.2 \
                --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f
                # via requests
            flask==3.0.0
                # via -r requirements.in
            requests==2.31.0
                # via
                #   -r requirements.in
                #   flask
            """);

        lockfile.Single("certifi").Direct.ShouldBeFalse();
        lockfile.Single("flask").Direct.ShouldBeTrue();
        lockfile.Single("requests").Direct.ShouldBeTrue();
    }

    [Theory]
    [InlineData("not a requirement!")]
    [InlineData("requests >= 2 extra words")]
    [InlineData("https://example.com/download")]
    [InlineData("pkg[unclosed")]
    public void Unreadable_lines_are_problems(string line)
    {
        var lockfile = _fixture.Read("requirements.txt", line + "\nok==1.0\n");

        lockfile.Problems.ShouldHaveSingleItem().ShouldStartWith("line 1: ");
        lockfile.Single("ok").Version.ShouldBe("1.0");
    }
}
