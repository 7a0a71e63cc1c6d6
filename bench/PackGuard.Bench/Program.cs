using PackGuard.Bench;

// Usage:
//   PackGuard.Bench <artifact.tgz>... [--runs N]
//       the archive walker, each figure a ratio against `gzip -dc` of the same file (this run)
//   PackGuard.Bench secrets <file|directory>... [--runs N] [--warmup N] [--only engine|inspector] [--tsv]
//       the secret engine's throughput in MB/s on one thread, files held in memory
//   PackGuard.Bench inspectors <artifact>... [--runs N] [--codenames a,b]
//       what the files and exposure inspectors add to a warm in-process scan, against source maps + secrets
//   PackGuard.Bench exposure <file>... [--runs N] [--codenames a,b]
//       the exposure scanner alone, files in memory: widening, the multi-string search, the whole scanner (MB/s)
//   PackGuard.Bench lockfiles [lockfile...] [--runs N] [--packages N]
//       LockfileReader on generated lockfiles of every format and on the files given, against reading them as text
//   PackGuard.Bench secret-keywords
//       (for bench/secrets.sh) the literals the engine searches for, one per line, for ripgrep
//   PackGuard.Bench typosquat [--names FILE] [--runs N] [--naive-sample N]
//       lookalike-name detection: start-up, names/second against the npm list and the ratio to a
//       naive edit-distance scan (this run), false positives among the top 1,000 npm names
//   PackGuard.Bench lookups <lockfile[.gz]>... [--runs N] [--cooldown-hours H] [--concurrency N] [--model-abbreviated]
//       deps --online's registry look-ups for every registry package of a lockfile: wall time, requests, bytes,
//       with npm's modified shortcut against the same look-ups without it (this run)
//   PackGuard.Bench typosquat-check npm|nuget|pypi <name|@file>...
//       prints each lookalike found, tab-separated
//   PackGuard.Bench advisories [--records N] [--store N] [--dependencies N] [--runs N]
//       the advisory store: import records/s (against reading and parsing the files) and
//       matching 5,000 dependencies against a 200,000-record store
//   PackGuard.Bench advisories-check --store FILE <lockfile[.gz]>...
//       every dependency of the lockfiles matched against a store: each match, and the time
return args switch
{
    ["typosquat", .. var rest] => TyposquatBench.Run(rest),
    ["typosquat-check", .. var rest] => TyposquatCheck.Run(rest),
    ["lookups", .. var rest] => RegistryLookupBench.Run(rest),
    ["secrets", .. var rest] => SecretsBench.Run(rest),
    ["lockfiles", .. var rest] => LockfileBench.Run(rest),
    ["secret-keywords"] => SecretKeywords.Print(Console.Out),
    ["inspectors", .. var rest] => InspectorCostBench.Run(rest),
    ["exposure", .. var rest] => ExposureBench.Run(rest),
    ["advisories", .. var rest] => AdvisoryBench.Run(rest),
    ["advisories-check", .. var rest] => AdvisoryCheck.Run(rest),
    _ => TarballBench.Run(args),
};
