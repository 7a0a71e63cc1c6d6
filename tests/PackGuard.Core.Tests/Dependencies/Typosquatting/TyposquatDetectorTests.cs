using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

public sealed class TyposquatDetectorTests
{
    private static readonly (string, long)[] Npm =
    [
        ("lodash", 400_000_000), ("express", 300_000_000), ("@babel/core", 200_000_000), ("@types/node", 150_000_000),
        ("cross-env", 60_000_000), ("crypto-js", 50_000_000), ("@azure/core-tracing", 50_000_000), ("sass", 40_000_000),
        ("@vue/reactivity", 30_000_000), ("mocha", 20_000_000), ("electron", 10_000_000), ("node-sass", 4_000_000),
        ("sqlite3", 8_000_000), ("sqlite", 1_000_000), ("left-pad", 2_000_000), ("lodassh", 50_000), ("expres", 1_500_000),
        ("lodash-utils", 40_000),
        ("tiny-lib", 500),
    ];

    private static readonly TyposquatDetector Detector = SmallLists.Detector("npm", Npm);

    [Theory]
    [InlineData("lodahs", "lodash", SquatTechnique.Transposition)]
    [InlineData("lodas", "lodash", SquatTechnique.EditDistance)]
    [InlineData("lodashh", "lodash", SquatTechnique.RepeatedLetters)]
    [InlineData("l0dash", "lodash", SquatTechnique.Homoglyph)]
    [InlineData("Iodash", "lodash", SquatTechnique.Homoglyph)]
    [InlineData("rnocha", "mocha", SquatTechnique.Homoglyph)]
    [InlineData("l\u043edash", "lodash", SquatTechnique.Homoglyph)] // Cyrillic о
    [InlineData("ｌｏｄａｓｈ", "lodash", SquatTechnique.Homoglyph)] // fullwidth
    [InlineData("crossenv", "cross-env", SquatTechnique.Separator)]
    [InlineData("cross_env", "cross-env", SquatTechnique.Separator)]
    [InlineData("vue-reactivity", "@vue/reactivity", SquatTechnique.Scope)]
    [InlineData("core-tracing", "@azure/core-tracing", SquatTechnique.Scope)]
    [InlineData("@bable/core", "@babel/core", SquatTechnique.Transposition)]
    [InlineData("@babel-js/core", "@babel/core", SquatTechnique.Scope)]
    [InlineData("cross-env.js", "cross-env", SquatTechnique.Combosquat)]
    [InlineData("electronjs", "electron", SquatTechnique.Combosquat)]
    [InlineData("node-electron", "electron", SquatTechnique.Combosquat)]
    [InlineData("electron.dll", "electron", SquatTechnique.Combosquat)]
    [InlineData("plain-crypto-js", "crypto-js", SquatTechnique.Combosquat)]
    public void Names_the_imitated_package_and_how(string name, string intended, string technique)
    {
        var match = Detector.Check("npm", name).ShouldNotBeNull();

        match.Name.ShouldBe(name);
        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
        match.Confidence.ShouldBeInRange(0.4, 1.0);
    }

    [Theory]
    [InlineData("lodash")] // listed and established
    [InlineData("LoDash")] // npm names are case-insensitive: the same package
    [InlineData("express")]
    [InlineData("node")] // @types/node describes node; node is no squat of it
    [InlineData("@types/lodash")] // nor the other way round
    [InlineData("@babel/corr")] // only babel's owners publish under @babel
    [InlineData("@someone/lodash")] // nobody reaches it by mistyping lodash
    [InlineData("react-lodash")] // a single word in front of a one-word name is how plugins are named
    [InlineData("left-pad")]
    [InlineData("tiny-lb")] // one edit from a name nobody would imitate (500 a month)
    [InlineData("something-else-entirely")]
    public void Leaves_names_that_imitate_nothing(string name)
    {
        Detector.Check("npm", name).ShouldBeNull();
    }

    [Fact]
    public void A_listed_name_is_flagged_only_when_the_intended_one_is_a_hundred_times_more_popular()
    {
        // lodassh (50,000) against lodash (400 million): 8,000 times.
        var far = Detector.Check("npm", "lodassh").ShouldNotBeNull();
        far.Intended.ShouldBe("lodash");
        far.Technique.ShouldBe(SquatTechnique.RepeatedLetters);
        far.NamePopularity.ShouldBe(50_000);
        far.NameRank.ShouldBe(16);
        far.IntendedPopularity.ShouldBe(400_000_000);
        far.IntendedRank.ShouldBe(1);

        // expres (1.5 million) against express (300 million): 200 times; against a list where it is close, not.
        Detector.Check("npm", "expres").ShouldNotBeNull().Intended.ShouldBe("express");
        var close = SmallLists.Detector("npm", [("express", 300_000_000), ("mocha", 200_000_000), ("expres", 10_000_000)], profile: SmallLists.Profile with { EstablishedRank = 1 });
        close.Check("npm", "expres").ShouldBeNull();
    }

    [Fact]
    public void Filler_words_weigh_only_unlisted_names()
    {
        // A listed name with a filler word is a companion package with users of its own.
        Detector.Check("npm", "lodash-utils").ShouldBeNull();
        Detector.Check("npm", "lodash-helpers").ShouldNotBeNull().Technique.ShouldBe(SquatTechnique.Combosquat);
    }

    [Fact]
    public void Among_equally_close_names_the_most_popular_is_the_intended_one()
    {
        // sqlite3 and sqlite are both one edit from sqliter.
        Detector.Check("npm", "sqliter").ShouldNotBeNull().Intended.ShouldBe("sqlite3");
    }

    [Fact]
    public void A_closer_spelling_wins_over_a_more_popular_looser_one()
    {
        // nodesass is node-sass without its hyphen, and sass with "node" glued on.
        var match = Detector.Check("npm", "nodesass").ShouldNotBeNull();

        match.Intended.ShouldBe("node-sass");
        match.Technique.ShouldBe(SquatTechnique.Separator);
    }

    [Fact]
    public void Confidence_grows_with_the_popularity_gap()
    {
        var list = SmallLists.Detector("npm", [("aaaa-big", 1_000_000), ("bbbb-mid", 10_000), ("cccc-low", 1_000)], profile: SmallLists.Profile with { EstablishedRank = 0 });

        var big = list.Check("npm", "aaaabig").ShouldNotBeNull().Confidence;
        var mid = list.Check("npm", "bbbbmid").ShouldNotBeNull().Confidence;
        var low = list.Check("npm", "cccclow").ShouldNotBeNull().Confidence;

        big.ShouldBeGreaterThan(mid);
        mid.ShouldBeGreaterThan(low);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000")]
    [InlineData("@")]
    [InlineData("@/")]
    [InlineData("/")]
    [InlineData("-._")]
    [InlineData("\uD800")] // a lone surrogate
    public void Odd_input_is_not_a_match_and_does_not_throw(string name)
    {
        Detector.Check("npm", name).ShouldBeNull();
    }

    [Fact]
    public void The_match_carries_the_name_as_given()
    {
        var match = Detector.Check("npm", " CrossEnv\n").ShouldNotBeNull();

        match.Name.ShouldBe(" CrossEnv\n");
        match.Intended.ShouldBe("cross-env");
    }

    [Fact]
    public void A_name_too_long_for_any_registry_is_not_checked()
    {
        Detector.Check("npm", "lodash" + new string('x', TyposquatDetector.MaxNameLength)).ShouldBeNull();
    }

    [Theory]
    [InlineData("maven")]
    [InlineData("")]
    public void An_ecosystem_without_a_list_is_never_a_match(string ecosystem)
    {
        Detector.Check(ecosystem, "lodahs").ShouldBeNull();
    }

    [Fact]
    public void Ecosystem_names_are_case_insensitive()
    {
        Detector.Check("NPM", "lodahs").ShouldNotBeNull();
    }

    [Fact]
    public void Random_names_never_throw()
    {
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.@/ IlOo|\u0430\u0435\u043e\u0440\u0441\u0445\u03bf\u0301\uFF41\u0000\uFFFF";
        for (var i = 0; i < 5_000; i++)
        {
            var name = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            foreach (var ecosystem in new[] { "npm", "nuget", "pypi" })
                _ = Detector.Check(ecosystem, name);
        }
    }

    [Fact]
    public void Checks_from_many_threads_agree_with_one_thread()
    {
        var names = Npm.Select(e => e.Item1).SelectMany(n => new[] { n, n + "js", n[..^1], "x" + n }).ToArray();
        var sequential = names.Select(n => Detector.Check("npm", n)).ToArray();

        var parallel = new TyposquatMatch?[names.Length];
        Parallel.For(0, names.Length, i => parallel[i] = Detector.Check("npm", names[i]));

        parallel.ShouldBe(sequential);
    }
}
