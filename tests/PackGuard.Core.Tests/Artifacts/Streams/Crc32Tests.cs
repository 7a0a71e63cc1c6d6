using System.Text;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Tests.Artifacts.Streams;

public sealed class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value()
    {
        Crc32.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xCBF43926u);
        Crc32.Compute([]).ShouldBe(0u);
    }

    [Fact]
    public void Gives_the_byte_at_a_time_result_however_the_data_is_split()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            var expected = PackGuard.Inspectors.Secrets.Validators.Crc32.Compute(data);
            var split = random.Next(0, data.Length + 1);

            var state = Crc32.Append(Crc32.Append(Crc32.Initial, data.AsSpan(0, split)), data.AsSpan(split));

            Crc32.Finish(state).ShouldBe(expected, $"round {round}, {data.Length} bytes split at {split}");
        }
    }
}
