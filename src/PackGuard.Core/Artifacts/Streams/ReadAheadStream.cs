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
                var chunk = new Chunk(ArrayPool<byte>.Shared.Rent(ChunkSize), 0, null);
                try
                {
                    chunk = chunk with { Length = source.ReadAtLeast(chunk.Buffer.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false) };
                }
                catch (Exception e)
                {
                    Release(ref chunk);
                    _ready.Add(new Chunk(null, 0, ExceptionDispatchInfo.Capture(e)), token);
                    return;
                }
                if (chunk.Length == 0)
                {
                    Release(ref chunk);
                    return;
                }
                try
                {
                    _ready.Add(chunk, token);
                }
                catch (OperationCanceledException)
                {
                    Release(ref chunk);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed or cancelled while handing over an exception: nobody is left to read it.
        }
        finally
        {
            _ready.CompleteAdding();
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
