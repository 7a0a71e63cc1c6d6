using System.IO.Compression;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Mutations of a container's list of entries, rendered as a valid container: many entries,
/// duplicates, hostile names and link targets, flavours, archives nested past the depth limit,
/// entries that expand a lot. These reach the walker's limits and path checks with archives
/// that are otherwise well formed.
/// </summary>
public static class ContainerMutations
{
    /// <summary>Mutates a tar's entries.</summary>
    public static FuzzNode Tar(TarNode tar, FuzzRandom random, out string description)
    {
        var items = tar.Items.ToList();
        switch (random.Next(9))
        {
            case 0:
            {
                var count = random.Pick([100, 300, 5000]);
                items.AddRange(Enumerable.Range(0, count).Select(i => TarItem.File($"package/many/{i}.js", BytesNode.Text("x"))));
                description = $"tar-items:many({count})";
                return tar with { Items = items };
            }
            case 1 when items.Count > 0:
            {
                var item = random.Pick(items);
                items.Insert(random.Next(items.Count + 1), item);
                description = $"tar-items:duplicate({item.Name})";
                return tar with { Items = items };
            }
            case 2 when items.Count > 0:
            {
                var at = random.Next(items.Count);
                var type = random.Pick("0125673SxgLKV\0"u8.ToArray());
                items[at] = items[at] with { Type = type, LinkName = random.Chance(60) ? HostileText.Name(random) : items[at].LinkName };
                description = $"tar-items:type({items[at].Name})={(char)type}";
                return tar with { Items = items };
            }
            case 3 when items.Count > 0:
            {
                var at = random.Next(items.Count);
                var name = HostileText.Name(random);
                items[at] = items[at] with { Name = name };
                description = $"tar-items:rename({name.Length} chars)";
                return tar with { Items = items };
            }
            case 4:
            {
                var flavor = random.Pick(Enum.GetValues<TarFlavor>());
                description = $"tar-items:flavor={flavor}";
                return tar with { Flavor = flavor };
            }
            case 5:
            {
                var levels = random.Next(2, 8);
                FuzzNode nested = tar;
                for (var i = 0; i < levels; i++)
                    nested = new GzipNode(new TarNode([TarItem.File($"package/level{i}.tgz", nested), TarItem.File("package/after.js", BytesNode.Text("after"))]));
                description = $"tar-items:nest({levels})";
                return nested;
            }
            case 6:
            {
                var size = random.Pick([1 << 20, 17 << 20]);
                items.Insert(random.Next(items.Count + 1), TarItem.File("package/zeros.bin", new BytesNode(new byte[size])));
                description = $"tar-items:zeros({size})";
                return tar with { Items = items };
            }
            case 7 when items.Count > 1:
                items.RemoveAt(random.Next(items.Count));
                items.Reverse();
                description = "tar-items:remove-and-reverse";
                return tar with { Items = items };
            default:
                items.Add(random.Chance(50)
                    ? TarItem.Symlink("package/escape", HostileText.Name(random))
                    : new TarItem("package/hard", null, (byte)'1', HostileText.Name(random)));
                description = $"tar-items:link({items[^1].LinkName?.Length} chars)";
                return tar with { Items = items };
        }
    }

    /// <summary>Mutates a zip's entries.</summary>
    public static FuzzNode Zip(ZipNode zip, FuzzRandom random, out string description)
    {
        var items = zip.Items.ToList();
        switch (random.Next(8))
        {
            case 0:
            {
                var count = random.Pick([100, 300, 3000]);
                items.AddRange(Enumerable.Range(0, count).Select(i => new ZipItem($"many/{i}.js", BytesNode.Text("x"), Stored: true)));
                description = $"zip-items:many({count})";
                return zip with { Items = items };
            }
            case 1 when items.Count > 0:
            {
                var item = random.Pick(items);
                items.Add(item);
                description = $"zip-items:duplicate({item.Name})";
                return zip with { Items = items };
            }
            case 2 when items.Count > 0:
            {
                var at = random.Next(items.Count);
                var name = HostileText.Name(random);
                items[at] = items[at] with { Name = name.Length == 0 ? "/" : name };
                description = $"zip-items:rename({name.Length} chars)";
                return zip with { Items = items };
            }
            case 3:
                items.Add(new ZipItem("link", null, LinkTarget: random.Chance(20) ? new string('l', 5000) : HostileText.Name(random)));
                description = "zip-items:symlink";
                return zip with { Items = items };
            case 4:
            {
                var levels = random.Next(2, 8);
                FuzzNode nested = zip;
                for (var i = 0; i < levels; i++)
                    nested = new ZipNode([ZipItem.File($"level{i}.zip", nested), ZipItem.File("after.txt", BytesNode.Text("after"))]);
                description = $"zip-items:nest({levels})";
                return nested;
            }
            case 5:
            {
                var size = random.Pick([1 << 20, 17 << 20]);
                items.Add(new ZipItem("zeros.bin", new BytesNode(new byte[size])));
                description = $"zip-items:zeros({size})";
                return zip with { Items = items };
            }
            case 6 when items.Count > 0:
            {
                var at = random.Next(items.Count);
                items[at] = items[at] with { Stored = !items[at].Stored, Name = random.Chance(30) ? items[at].Name + "/" : items[at].Name };
                description = $"zip-items:stored/dir({items[at].Name})";
                return zip with { Items = items };
            }
            default:
                items.Reverse();
                description = "zip-items:reverse";
                return zip with { Items = items };
        }
    }

    /// <summary>Changes how a gzip stream is written: level, file name, several members.</summary>
    public static FuzzNode Gzip(GzipNode gzip, FuzzRandom random, out string description)
    {
        switch (random.Next(3))
        {
            case 0:
                var level = random.Pick(Enum.GetValues<CompressionLevel>());
                description = $"gzip-node:level={level}";
                return gzip with { Level = level };
            case 1:
                var name = random.Chance(50) ? HostileText.Name(random).Replace("\0", "", StringComparison.Ordinal) : new string('n', 70_000);
                description = $"gzip-node:fname({name.Length})";
                return gzip with { FileName = name };
            default:
                var split = random.Pick([0.0, 0.001, 0.3, 0.5, 0.999, 1.0]);
                description = $"gzip-node:members(split {split})";
                return gzip with { SplitAt = split };
        }
    }

    /// <summary>Adds odd files and links to a directory target.</summary>
    public static FuzzNode Directory(DirectoryNode directory, FuzzRandom random, out string description)
    {
        var items = directory.Items.ToList();
        switch (random.Next(6))
        {
            case 0:
                var target = random.Pick(["/", "..", "../..", "loop", "/etc/passwd", "/proc/self/fd/0", "/dev/zero", "", "dist", "missing/file", new string('t', 4000)]);
                if (target.Length == 0)
                    target = ".";
                items.Add(new DirectoryItem(target == "loop" ? "loop" : "link-" + random.Next(1000), null, target));
                description = $"dir:symlink->{(target.Length > 20 ? target[..20] + "..." : target)}";
                return directory with { Items = items };
            case 1:
                var name = random.Pick(["new\nline.js", "back\\slash.js", "bang!inner.js", "-dash.js", "ünï\u202Ecode.js", new string('n', 255), ".hidden", "x.js.map", "node_modules/x/package.json", "nested.tgz"]);
                items.Add(new DirectoryItem("odd/" + name, random.Chance(50) ? items.Where(i => i.Content is not null).Select(i => i.Content!).DefaultIfEmpty(new BytesNode([])).First() : BytesNode.Text("odd")));
                description = $"dir:odd-name({name.Length})";
                return directory with { Items = items };
            case 2:
                var depth = random.Pick([10, 60]);
                items.Add(new DirectoryItem(string.Join('/', Enumerable.Repeat("d", depth)) + "/deep.js", BytesNode.Text("deep")));
                description = $"dir:deep({depth})";
                return directory with { Items = items };
            case 3:
                var count = random.Pick([50, 400]);
                items.AddRange(Enumerable.Range(0, count).Select(i => new DirectoryItem($"many/{i}.js", BytesNode.Text("m"))));
                description = $"dir:many({count})";
                return directory with { Items = items };
            case 4:
                items.Add(new DirectoryItem(random.Pick(["pipe", "pipe.tgz", "pipe.js.map", "package.json"]), null, Fifo: true));
                description = $"dir:fifo({items[^1].Path})";
                return directory with { Items = items };
            default:
                items.Add(new DirectoryItem("empty.tgz", new BytesNode([])));
                items.Add(new DirectoryItem("magic-only.zip", new BytesNode("PK\u0003\u0004"u8.ToArray())));
                description = "dir:empty-archives";
                return directory with { Items = items };
        }
    }
}
