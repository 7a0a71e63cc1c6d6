using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

public sealed class NameFormsTests
{
    [Theory]
    [InlineData("npm", "Cross-Env", "cross-env")]
    [InlineData("nuget", "Newtonsoft.Json", "newtonsoft.json")]
    [InlineData("pypi", "Python_DateUtil", "python-dateutil")]
    [InlineData("pypi", "zope.interface", "zope-interface")]
    [InlineData("pypi", "a-_.b", "a-b")]
    [InlineData("pypi", "requests", "requests")]
    public void Identity_is_what_the_registry_treats_as_the_same_name(string ecosystem, string name, string identity)
    {
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        NameForms.Identity(parsed, name).ShouldBe(identity);
    }

    [Theory]
    [InlineData("L\u043eDash", "lodash")] // Cyrillic о
    [InlineData("ｃｒｏｓｓ-env", "cross-env")] // fullwidth
    [InlineData("cr\u00e9ate", "create")]
    [InlineData("open ai", "openai")]
    [InlineData("l0dash", "l0dash")] // ASCII lookalikes stay: edits are counted on this form
    [InlineData("openai", "openai")]
    public void Fold_folds_other_scripts_only(string name, string folded)
    {
        NameForms.Fold(name).ShouldBe(folded);
    }

    [Theory]
    [InlineData("lodash", "lodash")]
    [InlineData("l0dash", "lodash")]
    [InlineData("1odash", "lodash")]
    [InlineData("jeIlyfish", "jellyfish")] // a capital I reads as l
    [InlineData("jeilyfish", "jeilyfish")] // a lowercase i has its dot
    [InlineData("IdentityModel", "ldentitymodel")]
    [InlineData("\u0441ross-\u0435nv", "cross-env")] // Cyrillic с and е
    [InlineData("\u03bfpen", "open")] // Greek ο
    [InlineData("ｃｒｏｓｓ", "cross")] // fullwidth
    [InlineData("cre\u0301ate", "create")] // combining accent
    [InlineData("cr\u00e9ate", "create")] // precomposed accent
    [InlineData("Cross Env", "crossenv")]
    public void Skeleton_folds_lookalike_letters(string name, string skeleton)
    {
        NameForms.Skeleton(name).ShouldBe(skeleton);
    }

    [Theory]
    [InlineData("rnongoose", "mongoose")]
    [InlineData("vvebpack", "webpack")]
    [InlineData("electron", "electron")]
    public void Letter_pairs_that_read_as_one_letter_fold_apart_from_the_skeleton(string skeleton, string folded)
    {
        NameForms.FoldPairs(skeleton).ShouldBe(folded);
    }

    [Theory]
    [InlineData("cross-env", "crossenv")]
    [InlineData("@babel/core", "babelcore")]
    [InlineData("lodash.merge", "lodashmerge")]
    [InlineData("a_b-c.d", "abcd")]
    [InlineData("plain", "plain")]
    public void Flatten_drops_separators_and_scope_punctuation(string form, string flat)
    {
        NameForms.Flatten(form).ShouldBe(flat);
    }

    [Theory]
    [InlineData("puppeteer", "pupeter")]
    [InlineData("expresss", "expres")]
    [InlineData("abc", "abc")]
    [InlineData("eslint-plugin-n", "eslint-plugin-n")] // no run across a separator
    public void Squash_writes_each_run_of_a_letter_once(string flat, string squashed)
    {
        NameForms.Squash(flat).ShouldBe(squashed);
    }

    [Theory]
    [InlineData("@babel/core", "babel", "core")]
    [InlineData("@types/node", "types", "node")]
    [InlineData("lodash", null, "lodash")]
    [InlineData("@", null, "@")]
    [InlineData("@/x", null, "x")]
    public void Scope_and_bare_name(string name, string? scope, string bare)
    {
        NameForms.Scope(name).ShouldBe(scope);
        NameForms.Bare(name).ShouldBe(bare);
    }

    [Theory]
    [InlineData("npm", "mysqljs", "mysql")]
    [InlineData("npm", "cross-env.js", "crossenv")]
    [InlineData("npm", "d3.js", "d3")]
    [InlineData("npm", "node-fabric", "fabric")]
    [InlineData("npm", "discord.dll", "discord")]
    [InlineData("pypi", "python3-dateutil", "dateutil")]
    [InlineData("pypi", "pyyaml", "yaml")]
    [InlineData("nuget", "newtonsoft.json.core", "newtonsoftjson")]
    public void Cores_strip_one_filler_word(string ecosystem, string name, string core)
    {
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        var cores = new List<string>();
        ComboAffixes.Cores(parsed, NameForms.Fold(name), cores);
        cores.ShouldContain(core);
    }

    [Theory]
    [InlineData("npm", "events")] // ends in "ts", but glued on it is part of the word
    [InlineData("npm", "js")] // nothing left
    [InlineData("npm", "ajs")] // too little left of a glued word
    public void Cores_keep_ordinary_words(string ecosystem, string name)
    {
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        var cores = new List<string>();
        ComboAffixes.Cores(parsed, NameForms.Fold(name), cores);
        cores.ShouldBeEmpty();
    }

    [Fact]
    public void Cores_strip_one_word_only()
    {
        var cores = new List<string>();
        ComboAffixes.Cores(SquatEcosystem.PyPI, "numpy2", cores);
        cores.ShouldBe(["numpy"]); // not "num" as well
    }
}
