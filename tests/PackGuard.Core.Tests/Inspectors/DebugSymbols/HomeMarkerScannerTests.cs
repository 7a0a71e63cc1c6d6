using System.Text;
using PackGuard.Inspectors.DebugSymbols;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class HomeMarkerScannerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void Homes_are_found_across_chunk_boundaries_once_each(int chunk)
    {
        var data = new List<byte>();
        var random = new Random(3);
        void Noise(int n)
        {
            var bytes = new byte[n];
            random.NextBytes(bytes);
            data.AddRange(bytes.Select(b => (byte)(b & 0x0F))); // never printable
        }
        Noise(500);
        data.AddRange(Encoding.ASCII.GetBytes("C:\\Users\\jdoe\\src\\acme\\engine.cpp"));
        Noise(3000);
        data.AddRange(Encoding.ASCII.GetBytes("/home/alice/build/users/x.o"));
        Noise(10);
        data.AddRange(Encoding.ASCII.GetBytes("parsers and browsers mention sers without a home"));
        Noise(20);
        data.AddRange(Encoding.ASCII.GetBytes("c:\\USERS\\BOB\\x.obj"));
        var bytes = data.ToArray();
        var users = new UserPathSet();
        var scanner = new HomeMarkerScanner(users, "strings");

        for (var at = 0; at < bytes.Length; at += chunk)
            scanner.Write(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        scanner.Complete();

        users.People.Select(p => (p.User, p.Paths)).OrderBy(p => p.User, StringComparer.Ordinal)
            .ShouldBe([("BOB", 1L), ("alice", 1L), ("jdoe", 1L)]);
    }
}
