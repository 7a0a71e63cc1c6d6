using PackGuard.Artifacts.Streams;

namespace PackGuard.Tests.Artifacts.Streams;

public sealed class ReadAheadStreamTests
{
    [Fact]
    public void Bytes_arrive_in_order_whatever_the_read_sizes()
    {
        var data = new byte[3_000_000];
        new Random(1).NextBytes(data);
        using var stream = new ReadAheadStream(new DribblingStream(new MemoryStream(data), 7_777), CancellationToken.None);
        var copy = new MemoryStream();
        var buffer = new byte[100_003];
        var random = new Random(2);
        int read;
        while ((read = stream.Read(buffer, 0, random.Next(1, buffer.Length))) > 0)
            copy.Write(buffer, 0, read);

        copy.ToArray().ShouldBe(data);
        stream.Read(buffer).ShouldBe(0);
    }

    [Fact]
    public void A_source_exception_arrives_after_the_bytes_before_it_and_stays()
    {
        var failure = new InvalidDataException("bad block");
        using var stream = new ReadAheadStream(new FailingStream(1_000_000, failure), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        long total = 0;

        var thrown = Should.Throw<InvalidDataException>(() =>
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
                total += read;
        });

        thrown.ShouldBeSameAs(failure);
        total.ShouldBe(1_000_000);
        Should.Throw<InvalidDataException>(() => stream.Read(buffer));
    }

    [Fact]
    public void Cancellation_reaches_a_reader_waiting_for_a_slow_source()
    {
        using var cancellation = new CancellationTokenSource();
        using var gate = new ManualResetEventSlim();
        using var stream = new ReadAheadStream(new BlockingStream(gate), cancellation.Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));

        Should.Throw<OperationCanceledException>(() => stream.Read(new byte[10]));
        gate.Set(); // let the producer finish so that disposing can wait for it
    }

    [Fact]
    public void Disposing_early_stops_the_producer()
    {
        var source = new CountingSource();
        var stream = new ReadAheadStream(source, CancellationToken.None);
        stream.Read(new byte[10]).ShouldBe(10);

        stream.Dispose();
        var readsAtDispose = source.Reads;
        Thread.Sleep(50);

        source.Reads.ShouldBe(readsAtDispose);
        Should.Throw<ObjectDisposedException>(() => stream.Read(new byte[1]));
    }

    /// <summary>Returns at most <paramref name="most"/> bytes per read, like a decompressor.</summary>
    private sealed class DribblingStream(Stream inner, int most) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, most)]);
    }

    private sealed class FailingStream(long before, Exception failure) : ReadOnlyStream
    {
        private long _left = before;

        public override int Read(Span<byte> buffer)
        {
            if (_left == 0)
                throw failure;
            var count = (int)Math.Min(buffer.Length, _left);
            buffer[..count].Fill(1);
            _left -= count;
            return count;
        }
    }

    private sealed class BlockingStream(ManualResetEventSlim gate) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            gate.Wait();
            return 0;
        }
    }

    /// <summary>An endless source that counts how often it is read.</summary>
    private sealed class CountingSource : ReadOnlyStream
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override int Read(Span<byte> buffer)
        {
            Interlocked.Increment(ref _reads);
            buffer.Fill(7);
            return buffer.Length;
        }
    }
}
