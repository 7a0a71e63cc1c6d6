using PackGuard.Bench;

// Usage:
//   PackGuard.Bench <artifact.tgz>... [--runs N]
//       the archive walker, each figure a ratio against `gzip -dc` of the same file (this run)
//   PackGuard.Bench secrets <file|directory>... [--runs N] [--warmup N] [--only engine|inspector] [--tsv]
//       the secret engine's throughput in MB/s on one thread, files held in memory
//   PackGuard.Bench lockfiles [lockfile...] [--runs N] [--packages N]
//       LockfileReader on generated lockfiles of every format and on the files given, against reading them as text
//   PackGuard.Bench secret-keywords
//       (for bench/secrets.sh) the literals the engine searches for, one per line, for ripgrep
return args switch
{
    ["secrets", .. var rest] => SecretsBench.Run(rest),
    ["lockfiles", .. var rest] => LockfileBench.Run(rest),
    ["secret-keywords"] => SecretKeywords.Print(Console.Out),
    _ => TarballBench.Run(args),
};
