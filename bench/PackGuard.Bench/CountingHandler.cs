using System.Net;

namespace PackGuard.Bench;

/// <summary>Counts requests and the response bytes read through it (after decompression), and the npm registry's full packuments among them.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner, string npmHost) : DelegatingHandler(inner)
{
    private long _bytes;
    private int _requests;
    private int _full;

    public long Bytes => Interlocked.Read(ref _bytes);
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>npm requests for the full packument (Accept without the abbreviated type).</summary>
    public int FullPackuments => Volatile.Read(ref _full);

    public void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _full, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (request.RequestUri?.Host == npmHost && !request.Headers.Accept.ToString().Contains("install-v1", StringComparison.Ordinal))
            Interlocked.Increment(ref _full);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new CountingContent(response.Content, n => Interlocked.Add(ref _bytes, n));
        return response;
    }

    private sealed class CountingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Action<long> _count;

        public CountingContent(HttpContent inner, Action<long> count)
        {
            _inner = inner;
            _count = count;
            foreach (var header in inner.Headers)
                Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() => new CountingStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _count);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var source = await CreateContentReadStreamAsync().ConfigureAwait(false);
            await source.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class CountingStream(Stream inner, Action<long> count) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count1)
        {
            var n = inner.Read(buffer, offset, count1);
            count(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            count(n);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count1, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count1), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
