using PackGuard.Findings;
using PackGuard.Rules;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The <c>lockfile/*</c> rules: a lockfile whose contents do not hold together, the checks
/// lockfile-lint made familiar. Their samples are projects (<see cref="RuleSample.Project"/>).
/// </summary>
public static class LockfileRules
{
    /// <summary>The descriptor of <c>lockfile/insecure-transport</c>.</summary>
    public static RuleDescriptor InsecureTransport { get; } = new(
        "lockfile/insecure-transport",
        "Package fetched over an unencrypted connection",
        Severity.High,
        "A lockfile entry is resolved from an http:// or git:// URL: the package is downloaded without TLS.",
        "Anyone on the network path (a café Wi-Fi, a compromised proxy, a CI provider's neighbour) can replace the "
        + "package in flight. Where the lockfile pins no integrity hash, nothing notices; where it does, the install "
        + "breaks instead, which teams then 'fix' by deleting the hash.",
        "Change the registry or URL to https:// (npm config set registry https://...; for git, git+https:// or "
        + "git+ssh://), reinstall so the lockfile is rewritten, and commit it.",
        [
            Fires("a package resolved over http", PackageLock(Registry("left-pad", "1.3.0") with { Resolved = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" })),
            Passes("a package resolved over https", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/unexpected-host</c>.</summary>
    public static RuleDescriptor UnexpectedHost { get; } = new(
        "lockfile/unexpected-host",
        "Package fetched from an unexpected host",
        Severity.Medium,
        "A registry package is resolved from a host that is not allowed: by default the allowed hosts are the public "
        + "registry of the ecosystem, the registries the project's configuration names (.npmrc, .yarnrc, .yarnrc.yml, "
        + "NuGet.Config, pip index options, pyproject.toml sources) and the policy's deps.internal.registries; "
        + "deps.allowedHosts in the policy file replaces that list.",
        "A lockfile is trusted as it is: npm ci, yarn --frozen-lockfile and pnpm install fetch whatever URL it "
        + "holds. A pull request that edits one resolved URL to an attacker's server installs the attacker's "
        + "tarball on every CI run and developer machine, and lockfile diffs are rarely read.",
        "If the host is yours, add it to deps.allowedHosts (or name it in the project's registry configuration). "
        + "If not, delete the entry, reinstall from your registry and review who changed the lockfile.",
        [
            Fires("a package resolved from a host nobody configured", PackageLock(Registry("left-pad", "1.3.0") with { Resolved = "https://npm.evil.example/left-pad/-/left-pad-1.3.0.tgz" })),
            Passes("a package resolved from the npm registry", PackageLock(Registry("left-pad", "1.3.0"))),
            Passes("a package resolved from the registry .npmrc names",
                PackageLock(Registry("left-pad", "1.3.0") with { Resolved = "https://npm.acme.example/left-pad/-/left-pad-1.3.0.tgz" }),
                new SampleFile(".npmrc", "registry=https://npm.acme.example/\n")),
        ]);

    /// <summary>The descriptor of <c>lockfile/git-dependency</c>.</summary>
    public static RuleDescriptor GitDependency { get; } = new(
        "lockfile/git-dependency",
        "Package installed from a git repository",
        Severity.Medium,
        "A dependency is fetched from a git repository instead of a registry. Medium when the reference is a branch, "
        + "a tag or nothing (what is installed can change without the lockfile changing); low when it is a full commit hash.",
        "A git dependency has no registry integrity hash, runs its prepare script on install (npm builds git "
        + "dependencies), and a branch or tag can be moved by whoever controls the repository: the next install "
        + "quietly takes different code.",
        "Depend on a published version from the registry; if the fork must stay, pin it to a full commit hash "
        + "(#<40 hex digits>) and publish it to your own registry when you can.",
        [
            Fires("a dependency on a branch of a git repository",
                PackageLock(new Package("tiny-lib", "1.0.0") { Resolved = "git+ssh://git@github.com/acme/tiny-lib.git#main", Integrity = null })),
            Passes("a registry dependency", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/url-dependency</c>.</summary>
    public static RuleDescriptor UrlDependency { get; } = new(
        "lockfile/url-dependency",
        "Package installed from an archive URL",
        Severity.Medium,
        "A dependency is an archive at a URL that is not a registry's download (a tarball on a web server, a wheel "
        + "linked with name @ https://...).",
        "Whoever controls that URL decides what is installed, there is no registry record of the package's versions "
        + "or publisher, and with no integrity hash the content may change at any time.",
        "Depend on the package from a registry; if the archive must stay, keep a copy in your own registry and pin "
        + "its hash (integrity, --hash, files hashes).",
        [
            Fires("a dependency on a tarball URL",
                PackageLock(new Package("tiny-lib", "1.0.0") { Resolved = "https://files.example.com/tiny-lib-1.0.0.tgz" })),
            Passes("a registry dependency", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/missing-integrity</c>.</summary>
    public static RuleDescriptor MissingIntegrity { get; } = new(
        "lockfile/missing-integrity",
        "Package pinned without an integrity hash",
        Severity.Medium,
        "A lockfile that records hashes (package-lock.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, "
        + "poetry.lock, uv.lock) has an entry fetched from a registry or URL with no hash.",
        "The hash is what makes a lockfile a lock: without it, the install takes whatever the registry or URL "
        + "serves today. A removed hash next to a changed URL is how lockfile injection hides.",
        "Regenerate the entry (delete it and reinstall, or npm install --package-lock-only) so the package manager "
        + "records the hash, and review why it was missing.",
        [
            Fires("a registry package without integrity", PackageLock(Registry("left-pad", "1.3.0") with { Integrity = null })),
            Passes("a registry package with a sha512 integrity", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/weak-integrity</c>.</summary>
    public static RuleDescriptor WeakIntegrity { get; } = new(
        "lockfile/weak-integrity",
        "Packages pinned by SHA-1 only",
        Severity.Low,
        "Entries of the lockfile are pinned by a SHA-1 hash only (sha1-...). One finding per lockfile lists them.",
        "SHA-1 collisions can be made (SHAttered, 2017; chosen-prefix since 2020), so a SHA-1 pin no longer proves "
        + "that the archive is the one the lockfile was made with. Very old npm packages only ever had a SHA-1 "
        + "shasum, which is why such entries linger.",
        "Reinstall with a current package manager so the entries get sha512 (npm records sha512 whenever the "
        + "registry has it); upgrade the packages that only have SHA-1 to versions published since 2017.",
        [
            Fires("a package pinned by SHA-1", PackageLock(Registry("left-pad", "1.3.0") with { Integrity = "sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4=" })),
            Passes("a package pinned by SHA-512", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/name-mismatch</c>.</summary>
    public static RuleDescriptor NameMismatch { get; } = new(
        "lockfile/name-mismatch",
        "Resolved URL is another package's",
        Severity.High,
        "An npm lockfile entry's resolved URL has the registries' shape (.../name/-/name-1.0.0.tgz) but names "
        + "another package, or another version, than the entry. Aliases (\"foo\": \"npm:bar@1\") are understood.",
        "The entry says one package and fetches another: the classic lockfile injection, where a reviewed name "
        + "hides an unreviewed tarball. Package managers install what the URL serves.",
        "Delete the entry, reinstall, and find out who changed the lockfile; if an alias was meant, declare it "
        + "with npm:<name>@<version> in package.json.",
        [
            Fires("an entry whose URL fetches another package",
                PackageLock(Registry("left-pad", "1.3.0") with { Resolved = "https://registry.npmjs.org/leftpad-evil/-/leftpad-evil-1.3.0.tgz" })),
            Passes("an entry whose URL fetches itself", PackageLock(Registry("left-pad", "1.3.0"), Registry("@babel/core", "7.26.0"))),
        ]);

    /// <summary>The descriptor of <c>lockfile/unreadable</c>.</summary>
    public static RuleDescriptor Unreadable { get; } = new(
        "lockfile/unreadable",
        "Part of a lockfile could not be read",
        Severity.Medium,
        "Part of a lockfile or manifest could not be understood (bad syntax, an entry of an unknown shape, limits "
        + "crossed); what could be read was audited, the rest was not. The finding lists the first problems and their lines.",
        "What PackGuard could not read, it could not judge: a lookalike or an injected URL in the unread part "
        + "passes unseen. A lockfile that its own package manager would reject is also a sign it was edited by hand.",
        "Regenerate the lockfile with its package manager and commit it; if the file is valid and PackGuard "
        + "misreads it, report it with the file attached.",
        [
            Fires("a package-lock.json that is not JSON", new SampleFile("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\n  \"node_modules/a\": {\"version\": \"1.0.0\",\n")),
            Passes("a well-formed package-lock.json", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>Every <c>lockfile/*</c> rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [InsecureTransport, UnexpectedHost, GitDependency, UrlDependency, MissingIntegrity, WeakIntegrity, NameMismatch, Unreadable];
}
