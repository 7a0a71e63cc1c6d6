using System.Security.Cryptography;
using System.Text;

namespace PackGuard.Ledger.Export;

/// <summary>
/// STIX identifiers (<c>type--uuid</c>) that are the same for the same content: UUIDv5 (RFC 4122
/// name-based, SHA-1) under PackGuard's own namespace. STIX 2.1 allows UUIDv5 for domain and
/// relationship objects when the namespace is the producer's own, not the one reserved for
/// cyber-observables; the same bucket exported twice then reads as two versions of one sighting.
/// </summary>
internal static class StixIds
{
    private static readonly Guid Namespace = new("e52a533f-17fe-4c60-b2cb-9472ed0b97ff");

    public static string For(string type, string name) => $"{type}--{Uuid5(Namespace, type + "\n" + name):D}";

    internal static Guid Uuid5(Guid space, string name)
    {
        Span<byte> input = stackalloc byte[16];
        space.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // UUIDv5 is defined with SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
