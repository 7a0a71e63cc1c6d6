using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

/// <summary>
/// Names of malicious packages from public reports, checked against the embedded popularity lists.
/// Each is flagged with the package it was reported to imitate; the reported names the detector
/// does not flag are listed too, each with the reason, so that a change that starts or stops
/// flagging them shows here. docs/deps.md ("Lookalike names") gives the same table.
/// </summary>
public sealed class ReportedTyposquatTests
{
    private static readonly TyposquatDetector Detector = TyposquatDetector.Default;

    /// <summary>The npm crossenv campaign of August 2017 (one publisher, 38 names), as far as there is a popular name to imitate.</summary>
    [Theory]
    [InlineData("crossenv", "cross-env", SquatTechnique.Separator)]
    [InlineData("cross-env.js", "cross-env", SquatTechnique.Combosquat)]
    [InlineData("d3.js", "d3", SquatTechnique.Combosquat)]
    [InlineData("fabric-js", "fabric", SquatTechnique.Combosquat)]
    [InlineData("ffmepg", "ffmpeg", SquatTechnique.Transposition)]
    [InlineData("gruntcli", "grunt-cli", SquatTechnique.Separator)]
    [InlineData("http-proxy.js", "http-proxy", SquatTechnique.Combosquat)]
    [InlineData("jquery.js", "jquery", SquatTechnique.Combosquat)]
    [InlineData("mongose", "mongoose", SquatTechnique.RepeatedLetters)]
    [InlineData("mssql.js", "mssql", SquatTechnique.Combosquat)]
    [InlineData("mssql-node", "mssql", SquatTechnique.Combosquat)]
    [InlineData("mysqljs", "mysql", SquatTechnique.Combosquat)]
    [InlineData("nodefabric", "fabric", SquatTechnique.Combosquat)]
    [InlineData("node-fabric", "fabric", SquatTechnique.Combosquat)]
    [InlineData("nodeffmpeg", "ffmpeg", SquatTechnique.Combosquat)]
    [InlineData("nodemailer-js", "nodemailer", SquatTechnique.Combosquat)]
    [InlineData("nodemailer.js", "nodemailer", SquatTechnique.Combosquat)]
    [InlineData("nodemssql", "mssql", SquatTechnique.Combosquat)]
    [InlineData("noderequest", "request", SquatTechnique.Combosquat)]
    [InlineData("nodesass", "node-sass", SquatTechnique.Separator)]
    [InlineData("nodesqlite", "sqlite", SquatTechnique.Combosquat)]
    [InlineData("node-sqlite", "sqlite", SquatTechnique.Combosquat)]
    [InlineData("proxy.js", "proxy", SquatTechnique.Combosquat)]
    [InlineData("sqlite.js", "sqlite", SquatTechnique.Combosquat)]
    public void Flags_the_crossenv_campaign(string name, string intended, string technique)
    {
        var match = Detector.Check("npm", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
        match.Confidence.ShouldBeInRange(0.5, 1.0);
        match.NamePopularity.ShouldBeNull(); // none of them is in the list
        match.IntendedPopularity.ShouldNotBeNull().ShouldBeGreaterThan(100_000);
    }

    /// <summary>
    /// <c>sqliter</c> is one edit from both <c>sqlite</c> (1.1 million downloads a month) and
    /// <c>sqlite3</c> (8.3 million); the detector names the more popular. The report does not say which.
    /// </summary>
    [Fact]
    public void Flags_sqliter_as_imitating_an_sqlite_binding()
    {
        var match = Detector.Check("npm", "sqliter").ShouldNotBeNull();

        match.Intended.ShouldBeOneOf("sqlite3", "sqlite");
        match.Technique.ShouldBe(SquatTechnique.EditDistance);
    }

    /// <summary>The campaign's names that imitate nothing popular on npm today; the reason is the parameter.</summary>
    [Theory]
    [InlineData("mariadb", "now the official MariaDB connector, 1.4 million downloads a month: popular itself")]
    [InlineData("nodecaffe", "no caffe package in the npm list")]
    [InlineData("node-opencv", "no opencv package in the npm list")]
    [InlineData("opencv.js", "itself listed (22,000 a month) and no opencv package to imitate")]
    [InlineData("node-openssl", "openssl on npm has 29,000 downloads a month: below the 100,000 a name needs to count as imitated")]
    [InlineData("node-opensl", "the same openssl, misspelt as well")]
    [InlineData("openssl.js", "the same openssl")]
    [InlineData("node-tkinter", "tkinter is Python's; nothing on npm to imitate")]
    [InlineData("tkinter", "the same")]
    [InlineData("shadowsock", "no shadowsocks package in the npm list")]
    [InlineData("smb", "three letters; smb2 has 30,000 downloads a month")]
    [InlineData("sqlserver", "no sqlserver package to imitate; mssql is the SQL Server client")]
    public void Leaves_the_campaign_names_that_imitate_nothing_popular_on_npm(string name, string reason)
    {
        Detector.Check("npm", name).ShouldBeNull(reason);
    }

    /// <summary>Reported npm names from 2018 on.</summary>
    [Theory]
    [InlineData("electorn", "electron", SquatTechnique.Transposition)]                                  // 2018
    [InlineData("twilio-npm", "twilio", SquatTechnique.Combosquat)]                                     // 2020, reverse shell
    [InlineData("discord.dll", "discord.js", SquatTechnique.Combosquat)]                                // 2021, token stealer
    [InlineData("@typescript_eslinter/eslint", "@typescript-eslint/eslint-plugin", SquatTechnique.Scope)] // 2022, lookalike scope
    [InlineData("plain-crypto-js", "crypto-js", SquatTechnique.Combosquat)]                            // 2026
    public void Flags_later_npm_lookalikes(string name, string intended, string technique)
    {
        var match = Detector.Check("npm", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
    }

    /// <summary>
    /// Names built the way reported campaigns built theirs: in 2022 one republished the names of
    /// <c>@azure</c> packages without the scope; in 2024 one imitated puppeteer with its doubled
    /// letters dropped or moved.
    /// </summary>
    [Theory]
    [InlineData("core-tracing", "@azure/core-tracing", SquatTechnique.Scope)]
    [InlineData("pupeter", "puppeteer", SquatTechnique.RepeatedLetters)]
    [InlineData("puppeter", "puppeteer", SquatTechnique.RepeatedLetters)]
    [InlineData("pupeteer", "puppeteer", SquatTechnique.RepeatedLetters)]
    public void Flags_names_built_like_reported_campaigns(string name, string intended, string technique)
    {
        var match = Detector.Check("npm", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
    }

    /// <summary><c>loadyaml</c> (removed by npm in 2019) is one glued word from several YAML packages and one edit from none.</summary>
    [Fact]
    public void Leaves_loadyaml_whose_model_is_unclear()
    {
        Detector.Check("npm", "loadyaml").ShouldBeNull();
    }

    [Theory]
    [InlineData("colourama", "colorama", SquatTechnique.EditDistance)]               // 2018
    [InlineData("python3-dateutil", "python-dateutil", SquatTechnique.EditDistance)] // 2019
    [InlineData("jeIlyfish", "jellyfish", SquatTechnique.Homoglyph)]                 // 2019, capital I for l
    [InlineData("urlib3", "urllib3", SquatTechnique.RepeatedLetters)]                // 2017, the first PyPI typosquat report
    [InlineData("urllib", "urllib3", SquatTechnique.EditDistance)]                   // 2017, same report: named after the standard library module
    [InlineData("setup-tools", "setuptools", SquatTechnique.Separator)]              // 2017
    [InlineData("djanga", "django", SquatTechnique.EditDistance)]                    // 2017
    public void Flags_reported_PyPI_lookalikes(string name, string intended, string technique)
    {
        var match = Detector.Check("pypi", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
        match.IntendedPopularity.ShouldBeNull(); // the PyPI list ranks, it does not count
        match.IntendedRank.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(1_240);
    }

    /// <summary>
    /// 2025: <c>Netherеum.All</c>, with a Cyrillic <c>е</c>, imitated the Nethereum family. Its
    /// meta-package is not in the NuGet list (1,575 IDs), so the match names the family's most
    /// popular listed member; the lookalike letter is what gives it away.
    /// </summary>
    [Fact]
    public void Flags_a_NuGet_ID_with_a_Cyrillic_letter()
    {
        var match = Detector.Check("nuget", "Nether\u0435um.All").ShouldNotBeNull();

        match.Intended.ShouldStartWith("Nethereum.");
        match.Technique.ShouldBe(SquatTechnique.Homoglyph);
        match.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    /// <summary>2025: <c>Tracer.Fody.NLog</c> imitated Tracer.Fody, which has too few downloads for the NuGet list.</summary>
    [Fact]
    public void Leaves_Tracer_Fody_NLog_whose_model_is_not_listed()
    {
        Detector.Check("nuget", "Tracer.Fody.NLog").ShouldBeNull();
    }
}
