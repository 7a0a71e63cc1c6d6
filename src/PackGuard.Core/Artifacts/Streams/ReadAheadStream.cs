using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Reads a source stream on a second thread, a few pooled chunks ahead of the consumer: on a
/// machine with two cores, inflating the next chunk overlaps with inspecting the current one.
/// There is one producer and one consumer, so chunks arrive in order; an exception thrown by the
/// source reaches the consumer, unchanged, at the position where it happened; the queue is
/// bounded (memory stays at <see cref="Capacity"/> chunks); disposing stops the producer before its
/// buffers go back to the pool.
/// </summary>
internal sealed class ReadAheadStream : ReadOnlyStream
{
    private const int ChunkSize = 256 * 1024;
    private const int Capacity = 4;

    private readonly BlockingCollection<Chunk> _ready = new(new ConcurrentQueue<Chunk>(), Capacity);
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private Chunk _current;
    private int _offset;
    private ExceptionDispatchInfo? _error;
    private bool _ended;
    private bool _disposed;

    public ReadAheadStream(Stream source, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _producer = Task.Factory.StartNew(() => Produce(source, token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
            return 0;
        while (_offset == _current.Length)
        {
            _error?.Throw();
            if (_ended)
                return 0;
            Release(ref _current);
            _offset = 0;
            // Cancellation of the walk surfaces here even while the producer is busy.
            if (!_ready.TryTake(out var next, Timeout.Infinite, _stop.Token))
            {
                _ended = true;
                return 0;
            }
            if (next.Error is not null)
            {
                _error = next.Error;
                _error.Throw();
            }
            _current = next;
        }
        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    private void Produce(Stream source, CancellationToken token)
    {
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var (length, error) = Fill(source, buffer);
                // The bytes read before a failure go first, so the consumer meets the exception
                // exactly where the source threw it.
                if (length == 0 || !Hand(new Chunk(buffer, length, null), token))
                    ArrayPool<byte>.Shared.Return(buffer);
                if (error is not null)
                    Hand(new Chunk(null, 0, error), token);
                if (error is not null || length < ChunkSize || token.IsCancellationRequested)
                    return;
            }
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }

    /// <summary>Reads until the chunk is full, the source ends, or it throws.</summary>
    private static (int Length, ExceptionDispatchInfo? Error) Fill(Stream source, byte[] buffer)
    {
        var length = 0;
        try
        {
            int read;
            while (length < ChunkSize && (read = source.Read(buffer.AsSpan(length, ChunkSize - length))) > 0)
                length += read;
            return (length, null);
        }
        catch (Exception e)
        {
            return (length, ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Queues a chunk; <see langword="false"/> once the stream is disposed or the walk cancelled.</summary>
    private bool Hand(Chunk chunk, CancellationToken token)
    {
        try
        {
            _ready.Add(chunk, token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            _producer.Wait(CancellationToken.None);
            Release(ref _current);
            while (_ready.TryTake(out var left))
                Release(ref left);
            _ready.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    private static void Release(ref Chunk chunk)
    {
        if (chunk.Buffer is not null)
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        chunk = default;
    }

    private readonly record struct Chunk(byte[]? Buffer, int Length, ExceptionDispatchInfo? Error);
}
